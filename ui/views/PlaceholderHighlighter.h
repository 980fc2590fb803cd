#pragma once

#include <QSyntaxHighlighter>

namespace rapport {

// Colours {placeholders} in a template body: known ones as links, unknown ones in the error colour.
class PlaceholderHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit PlaceholderHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace rapport
