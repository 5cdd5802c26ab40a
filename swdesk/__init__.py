"""swdesk (社工服务台): the core of the street social-work service centre's desktop program."""

__version__ = "0.1.0"
