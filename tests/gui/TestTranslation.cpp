// The German translation is the console's default language: every string the sources mark for
// translation must be translated, keep its placeholders and mnemonics, and be compiled into the
// console.
#include "resources/ResourcePaths.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QString translation;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList numerusForms;
};

QList<Message> readTs(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = Message{};
            current.context = context;
            current.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"comment") {
            current.comment = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(u"type"_s).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.numerusForms << xml.readElementText();
            } else {
                current.translation = xml.readElementText();
            }
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text) {
    static const QRegularExpression re(u"%(\\d+|n)"_s);
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

bool hasMnemonic(const QString &text) {
    return text.count(u'&') > text.count(u"&&"_s) * 2;
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_messages = readTs(QStringLiteral(SLOTDESK_TS_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void everyMessageIsTranslated() {
        QVERIFY2(m_messages.size() >= 50, "the German .ts file has suspiciously few messages");
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            const QString where = m.context % u": \""_s % m.source % u'"';
            if (m.type == u"vanished" || m.type == u"obsolete")
                problems << (where % u" is obsolete (run update_translations)"_s);
            else if (m.type == u"unfinished")
                problems << (where % u" is unfinished"_s);
            else if (m.numerus ? m.numerusForms.contains(QString()) || m.numerusForms.isEmpty()
                               : m.translation.trimmed().isEmpty())
                problems << (where % u" has no translation"_s);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void placeholdersAndMnemonicsSurvive() {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            const QStringList translations =
                m.numerus ? m.numerusForms : QStringList{m.translation};
            for (const QString &t : translations) {
                if (placeholders(t) != placeholders(m.source))
                    problems << (m.context % u": placeholders differ in \""_s % t % u'"');
                if (hasMnemonic(m.source) != hasMnemonic(t))
                    problems << (m.context % u": mnemonic lost or added in \""_s % t % u'"');
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void compiledCatalogueIsEmbedded() {
        QTranslator translator;
        QVERIFY(translator.load(u"slotdesk_de"_s, slotdesk::translationsResourceDir()));
        QCOMPARE(translator.language(), u"de_DE"_s);
        int checked = 0;
        for (const Message &m : std::as_const(m_messages)) {
            if (m.numerus)
                continue;
            const QString got = translator.translate(
                m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData());
            QCOMPARE(got, m.translation);
            ++checked;
        }
        QVERIFY(checked > 0);
    }

private:
    QList<Message> m_messages;
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "TestTranslation.moc"
