#include "ui/shell/Language.h"

#include "resources/ResourcePaths.h"
#include "ui/shell/SettingsKeys.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace slotdesk {

namespace {

const QString kGerman = QStringLiteral("de");
const QString kEnglish = QStringLiteral("en");

bool isValidChoice(const QString &choice) {
    return choice == languageChoiceAuto() || choice == kGerman || choice == kEnglish;
}

bool installTranslator(QCoreApplication &app, const QString &name, const QString &directory) {
    auto *translator = new QTranslator(&app);
    if (!translator->load(name, directory) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace

QString languageChoiceAuto() {
    return QStringLiteral("auto");
}

QString storedLanguageChoice() {
    const QString choice = QSettings().value(settings::languageKey()).toString();
    return isValidChoice(choice) ? choice : languageChoiceAuto();
}

void storeLanguageChoice(const QString &choice) {
    QSettings().setValue(settings::languageKey(),
                         isValidChoice(choice) ? choice : languageChoiceAuto());
}

QString resolveLanguage(const QString &choice, const QLocale &system) {
    if (choice == kEnglish)
        return kEnglish;
    if (choice == kGerman)
        return kGerman;
    return system.language() == QLocale::English ? kEnglish : kGerman;
}

bool installLanguage(QCoreApplication &app, const QString &language) {
    // Day names, dates and decimal commas follow the language of the texts around them, not
    // the system's locale (a German console on an English system still says "Mo 23.11.").
    if (language != kGerman) {
        if (QLocale::system().language() != QLocale::English)
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    installTranslator(app, QStringLiteral("qtbase_de"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installTranslator(app, QStringLiteral("slotdesk_de"), translationsResourceDir());
}

} // namespace slotdesk
