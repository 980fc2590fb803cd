# `cmake --build <dir> --target package` (or `cpack` in the build directory) makes the packages:
# a .deb and a .tar.gz on Linux, an NSIS installer on Windows, a .dmg on macOS.

set(CPACK_PACKAGE_NAME rapport)
set(CPACK_PACKAGE_VENDOR "The Rapport developers")
set(CPACK_PACKAGE_CONTACT "The Rapport developers <rapport@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Local-first CRM for growing a professional network deliberately")
set(CPACK_PACKAGE_DESCRIPTION
    "Rapport plans a week of personalized LinkedIn connection requests and follow-ups, writes notes within "
    "LinkedIn's character limit, keeps the history in a local SQLite database, imports LinkedIn exports and "
    "contact CSVs, and charts the acceptance rate. It never talks to LinkedIn.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Rapport)
set(CPACK_PACKAGE_EXECUTABLES rapport Rapport)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_MUI_ICON ${PROJECT_BINARY_DIR}/packaging/icons/rapport.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin/rapport.exe)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB TGZ)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION misc)
    # dpkg-shlibdeps finds the Qt libraries we link (Core, Gui, Widgets, Sql, Charts...); the plugins
    # Qt loads at run time are named by hand: the SQLite driver, the X11/Wayland platform and SVG icons.
    # libzip (LinkedIn's export archive) is named too, so that a build without dpkg-shlibdeps still has it.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, libzip4")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
endif()

include(CPack)
