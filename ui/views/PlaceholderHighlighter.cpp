#include "ui/views/PlaceholderHighlighter.h"

#include "core/templates/TemplateRenderer.h"
#include "ui/views/StatusColors.h"

#include <QGuiApplication>
#include <QPalette>

namespace rapport {

PlaceholderHighlighter::PlaceholderHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

void PlaceholderHighlighter::highlightBlock(const QString& text)
{
    const QPalette palette = QGuiApplication::palette();
    QTextCharFormat known;
    known.setForeground(palette.color(QPalette::Link));
    known.setFontWeight(QFont::DemiBold);
    QTextCharFormat unknown;
    unknown.setForeground(StatusColors::error(palette));
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(StatusColors::error(palette));
    for (const PlaceholderSpan& span : TemplateRenderer::scan(text))
        setFormat(int(span.position), int(span.length), span.known ? known : unknown);
}

} // namespace rapport
