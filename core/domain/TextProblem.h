#pragma once

#include <QString>

namespace rapport {

// Why `text` cannot be stored as it is, naming the field by `label` ("First name contains a control
// character (U+0007)."), or an empty string. Text that was not valid UTF-8 (decoded to U+FFFD) is refused
// rather than kept garbled; tabs are allowed anywhere, line breaks only where `multiLine`.
QString textProblem(const QString& text, const QString& label, bool multiLine);

} // namespace rapport
