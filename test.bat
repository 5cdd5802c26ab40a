@echo off
rem One command: set up (first time) and run the test suite on SQLite.
rem Needs Python 3.11 (python.org installer, with the py launcher). Arguments go to pytest.
rem Works from a path with spaces or Chinese characters and from a network folder (pushd maps a
rem drive letter for \\server\share); messages are UTF-8, so the console is switched to code page
rem 65001 and back; on failure the window waits for a key so a double-clicked run can be read.
setlocal
for /f "tokens=*" %%a in ('chcp') do for %%b in (%%a) do set "SWDESK_OLDCP=%%~nb"
chcp 65001 >nul
pushd "%~dp0" || (echo 无法进入程序所在的文件夹：%~dp0 & goto :failed)
if not exist .venv\Scripts\python.exe (
  echo 第一次运行：正在创建 Python 环境 ...
  py -3.11 -m venv .venv || (echo 找不到 Python 3.11：请从 python.org 安装 Python 3.11（勾选 py launcher）后重试 . & goto :failed)
)
rem Set-up again only when the requirements changed (a copy of them is kept in .venv as a stamp).
fc /b requirements-dev.txt .venv\swdesk-requirements-dev.txt.stamp >nul 2>&1 || (
  echo 正在安装所需的程序包 ...
  .venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -r requirements-dev.txt || (echo 安装程序包失败：请检查网络后重试 . & goto :failed)
  .venv\Scripts\python.exe scripts\translations.py release || (echo 生成界面翻译失败 . & goto :failed)
  copy /y requirements-dev.txt .venv\swdesk-requirements-dev.txt.stamp >nul
)
set QT_QPA_PLATFORM=offscreen
set PYTHONUTF8=1
.venv\Scripts\python.exe -m pytest %*
set "SWDESK_RC=%errorlevel%"
popd
chcp %SWDESK_OLDCP% >nul
if not "%SWDESK_RC%"=="0" if not defined CI pause
exit /b %SWDESK_RC%

:failed
popd 2>nul
chcp %SWDESK_OLDCP% >nul
if not defined CI pause
exit /b 1
