@echo off
rem One command: set up (first time) and run the test suite on SQLite.
cd /d "%~dp0"
if not exist .venv\Scripts\python.exe (
  py -3.11 -m venv .venv || goto :error
)
.venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -r requirements-dev.txt || goto :error
if exist resources\translations\swdesk_en.ts .venv\Scripts\python.exe scripts\translations.py release
set QT_QPA_PLATFORM=offscreen
.venv\Scripts\python.exe -m pytest %*
exit /b %errorlevel%
:error
echo 安装失败，请检查网络和 Python 3.11 是否已安装。
exit /b 1
