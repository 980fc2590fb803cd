#include "core/domain/TextProblem.h"

#include <QCoreApplication>

namespace rapport {

QString textProblem(const QString& text, const QString& label, bool multiLine)
{
    for (const QChar c : text) {
        if (c == QChar::ReplacementCharacter)
            return QCoreApplication::translate("Contact", "%1 contains bytes that are not valid text (not UTF-8).")
                .arg(label);
        const bool allowed = c == u'\t' || (multiLine && (c == u'\n' || c == u'\r'));
        if (c.category() == QChar::Other_Control && !allowed) {
            const QString code = QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
            return QCoreApplication::translate("Contact", "%1 contains a control character (U+%2).").arg(label, code);
        }
    }
    return {};
}

} // namespace rapport
