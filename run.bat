@echo off
rem One command: set up (first time) and open the swdesk window on the default database.
rem Needs Python 3.11 (python.org installer, with the py launcher). Arguments go to main.py.
cd /d "%~dp0"
if not exist .venv\Scripts\python.exe (
  py -3.11 -m venv .venv || goto :error
)
.venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -r requirements.txt || goto :error
if exist resources\translations\swdesk_en.ts .venv\Scripts\python.exe scripts\translations.py release
.venv\Scripts\python.exe main.py %*
exit /b %errorlevel%
:error
echo 安装失败，请检查网络和 Python 3.11 是否已安装。
exit /b 1
