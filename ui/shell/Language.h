#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace slotdesk {

// The user's choice as stored under settings::languageKey(): "auto", "de" or "en".
QString languageChoiceAuto();
QString storedLanguageChoice(); // "auto" when nothing (or nothing valid) is stored
void storeLanguageChoice(const QString &choice);

// The language the console runs in, "de" or "en". German is the default: English only when
// chosen, or when the choice is automatic and the system locale's language is English.
QString resolveLanguage(const QString &choice, const QLocale &system = QLocale::system());

// Installs the translators for `language` ("de" or "en") as children of `app`: the console's
// catalogue from translationsResourceDir() and Qt's own qtbase catalogue (standard buttons and
// dialogs). English needs none, the sources are English. Also sets the default QLocale to the
// language, so dates and numbers match the texts. Returns false when the console's
// catalogue could not be loaded; Qt's catalogue is optional (not every system ships it).
bool installLanguage(QCoreApplication &app, const QString &language);

} // namespace slotdesk
