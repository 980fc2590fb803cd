// Renders the application icon's SVG into the bitmaps the platforms want: hicolor PNGs for Linux, a
// multi-size .ico for Windows and an .icns for macOS. Run by the build; see packaging/CMakeLists.txt.
//   rapport-render-icons SOURCE.svg OUTPUT_DIR

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

#include <cstdio>

namespace {

QImage render(QSvgRenderer& svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    return image;
}

QByteArray png(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void put16(QByteArray& out, quint16 value)
{
    out.append(char(value & 0xff)).append(char(value >> 8));
}

void put32(QByteArray& out, quint32 value)
{
    put16(out, quint16(value & 0xffff));
    put16(out, quint16(value >> 16));
}

// An ICO holding PNG-compressed images (readable since Windows Vista): a 6-byte header, a 16-byte
// directory entry per image, then the PNGs.
QByteArray ico(const QList<QImage>& images)
{
    QByteArray out;
    put16(out, 0);
    put16(out, 1); // icon
    put16(out, quint16(images.size()));
    QList<QByteArray> pngs;
    for (const QImage& image : images)
        pngs.append(png(image));
    quint32 offset = 6 + 16 * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = images[i].width();
        out.append(char(size >= 256 ? 0 : size)).append(char(size >= 256 ? 0 : size));
        out.append(char(0)).append(char(0)); // no palette, reserved
        put16(out, 1); // colour planes
        put16(out, 32); // bits per pixel
        put32(out, quint32(pngs[i].size()));
        put32(out, offset);
        offset += quint32(pngs[i].size());
    }
    for (const QByteArray& bytes : pngs)
        out.append(bytes);
    return out;
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        err << "usage: rapport-render-icons SOURCE.svg OUTPUT_DIR\n";
        return 2;
    }
    QSvgRenderer svg(args[1]);
    if (!svg.isValid()) {
        err << "rapport-render-icons: cannot read " << args[1] << '\n';
        return 1;
    }
    const QDir out(args[2]);
    for (int size : { 16, 24, 32, 48, 64, 128, 256, 512 }) {
        const QString dir = QStringLiteral("hicolor/%1x%1/apps").arg(size);
        if (!out.mkpath(dir) || !render(svg, size).save(out.filePath(dir + QStringLiteral("/rapport.png")))) {
            err << "rapport-render-icons: cannot write the " << size << " px icon in " << out.path() << '\n';
            return 1;
        }
    }
    QList<QImage> icoImages;
    for (int size : { 16, 24, 32, 48, 64, 256 })
        icoImages.append(render(svg, size));
    if (!write(out.filePath(QStringLiteral("rapport.ico")), ico(icoImages))) {
        err << "rapport-render-icons: cannot write rapport.ico\n";
        return 1;
    }
    // The icns writer comes with Qt's image-formats plugins; without them the macOS bundle has no icon.
    QImageWriter icns(out.filePath(QStringLiteral("rapport.icns")), "icns");
    if (icns.canWrite() && !icns.write(render(svg, 512)))
        err << "rapport-render-icons: cannot write rapport.icns: " << icns.errorString() << '\n';
    return 0;
}
