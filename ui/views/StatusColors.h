#pragma once

#include <QColor>
#include <QPalette>

namespace rapport::StatusColors {

// Qt's palette has no warning or error roles: these pick readable ones for light and dark palettes.
inline bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

inline QColor warning(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xf0, 0xa2, 0x3b) : QColor(0xa8, 0x5a, 0x00);
}

inline QColor error(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

} // namespace rapport::StatusColors
