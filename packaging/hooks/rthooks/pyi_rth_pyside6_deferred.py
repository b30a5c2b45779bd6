# Run at the start of the built app, in place of PyInstaller's own run-time hook for PySide6
# (packaging/hooks/rthooks.dat names it for the PySide6 package; PyInstaller takes the first
# hook directory's). PyInstaller's hook imports PySide6.QtCore at every start, to give Qt a
# qt.conf that PySide6 registers itself when QtCore is imported (`:/qt/etc/qt.conf`, pointing
# at PySide6/Qt beside it, which is where the bundle keeps Qt too). So only the environment is
# set here, and a command-line start (a report, `--version`, `--self-test`'s commands) loads
# no Qt at all, as `sponsor-app` does.


def _pyi_rthook():
    import os
    import sys

    qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform.startswith("win") else None
    qt = qt or os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if sys.platform.startswith("win"):
        # QtNetwork looks for OpenSSL's libraries on PATH
        os.environ["PATH"] = os.pathsep.join(filter(None, (sys._MEIPASS, os.environ.get("PATH"))))
    elif sys.platform == "darwin" and not sys._MEIPASS.endswith("/Contents/Frameworks"):
        # the same for a plain folder (an .app's Frameworks folder is searched anyway)
        previous = os.environ.get("DYLD_LIBRARY_PATH")
        os.environ["DYLD_LIBRARY_PATH"] = os.pathsep.join(filter(None, (sys._MEIPASS, previous)))


_pyi_rthook()
del _pyi_rthook
