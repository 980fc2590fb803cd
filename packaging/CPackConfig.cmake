# Packaging: `cmake --build build/release --target package` makes a .deb on Linux.
if(UNIX AND NOT APPLE)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/rapport.desktop DESTINATION share/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/rapport.svg
        DESTINATION share/icons/hicolor/scalable/apps)
endif()

set(CPACK_PACKAGE_NAME rapport)
set(CPACK_PACKAGE_VENDOR "The Rapport developers")
set(CPACK_PACKAGE_CONTACT "The Rapport developers <rapport@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
include(CPack)
