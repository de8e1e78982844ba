#include "service/ServiceConfig.h"

#include "service/ServiceInfo.h"
#include "service/http/TrustedProxies.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace slotdesk {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ServiceConfig", text);
}

// One setter per key so that the file and the flags go through the same validation.
bool applyValue(const QString &key, const QString &value, ServiceConfig *config, QString *error) {
    bool ok = true;
    if (key == u"listen") {
        QHostAddress address;
        if (!address.setAddress(value)) {
            *error = tr("The listen address \"%1\" is not an IP address.").arg(value);
            return false;
        }
        config->listen = address;
    } else if (key == u"port") {
        const uint port = value.toUInt(&ok);
        if (!ok || port > 65535) {
            *error = tr("The port \"%1\" is not a number from 0 to 65535.").arg(value);
            return false;
        }
        config->port = quint16(port);
    } else if (key == u"database") {
        config->databasePath = value;
    } else if (key == u"key-file") {
        config->keyFile = value;
    } else if (key == u"hold-minutes") {
        const int minutes = value.toInt(&ok);
        if (!ok || minutes < 1 || minutes > 60) {
            *error = tr("The hold length \"%1\" must be 1 to 60 minutes.").arg(value);
            return false;
        }
        config->holdMinutes = minutes;
    } else if (key == u"sync") {
        if (value != u"normal" && value != u"full") {
            *error = tr("The sync mode \"%1\" must be \"normal\" or \"full\".").arg(value);
            return false;
        }
        config->syncFull = value == u"full";
    } else if (key == u"max-body-bytes") {
        const qint64 bytes = value.toLongLong(&ok);
        if (!ok || bytes < 1024 || bytes > 64 * 1024 * 1024) {
            *error = tr("The body limit \"%1\" must be 1024 to 67108864 bytes.").arg(value);
            return false;
        }
        config->maxBodyBytes = bytes;
    } else if (key == u"lookup-burst" || key == u"lookup-per-minute") {
        const int n = value.toInt(&ok);
        if (!ok || n < 1 || n > 1000000) {
            *error = tr("The value \"%1\" of %2 must be a positive number.").arg(value, key);
            return false;
        }
        (key == u"lookup-burst" ? config->lookupBurst : config->lookupPerMinute) = n;
    } else if (key == u"head-timeout" || key == u"body-timeout" || key == u"idle-timeout") {
        const double seconds = value.toDouble(&ok);
        if (!ok || seconds < 0.05 || seconds > 86400) {
            *error = tr("The timeout \"%1\" of %2 must be 0.05 to 86400 seconds.").arg(value, key);
            return false;
        }
        const int ms = qRound(seconds * 1000);
        (key == u"head-timeout"   ? config->headTimeoutMs
         : key == u"body-timeout" ? config->bodyTimeoutMs
                                  : config->idleTimeoutMs) = ms;
    } else if (key == u"max-connections") {
        const int n = value.toInt(&ok);
        if (!ok || n < 1 || n > 1000000) {
            *error = tr("The connection limit \"%1\" must be 1 to 1000000.").arg(value);
            return false;
        }
        config->maxConnections = n;
    } else if (key == u"trusted-proxy") {
        const QStringList entries = value.split(u',', Qt::SkipEmptyParts);
        QString invalid;
        if (!TrustedProxies().setProxies(entries, &invalid)) {
            *error =
                tr("The trusted proxy \"%1\" is not an IP address or CIDR range.").arg(invalid);
            return false;
        }
        config->trustedProxies.clear();
        for (const QString &entry : entries)
            config->trustedProxies.append(entry.trimmed());
    } else if (key == u"pepper-file") {
        config->pepperPath = value;
    } else if (key == u"holds-per-client" || key == u"holds-per-person") {
        const int n = value.toInt(&ok);
        if (!ok || n < 0 || n > 1000000) {
            *error = tr("The value \"%1\" of %2 must be 0 (unlimited) to 1000000.").arg(value, key);
            return false;
        }
        (key == u"holds-per-client" ? config->holdsPerClient : config->holdsPerPerson) = n;
    } else if (key == u"idempotency-cache" || key == u"availability-cache") {
        const int n = value.toInt(&ok);
        if (!ok || n < 1 || n > 10000000) {
            *error = tr("The value \"%1\" of %2 must be 1 to 10000000 entries.").arg(value, key);
            return false;
        }
        (key == u"idempotency-cache" ? config->idempotencyCache : config->availabilityCache) = n;
    } else if (key == u"token-minutes") {
        const int minutes = value.toInt(&ok);
        if (!ok || minutes < 5 || minutes > 7 * 24 * 60) {
            *error = tr("The token lifetime \"%1\" must be 5 to 10080 minutes.").arg(value);
            return false;
        }
        config->staff.tokenTtlSeconds = qint64(minutes) * 60;
    } else if (key == u"password-hash") {
        if (value == u"interactive") {
            config->staff.passwordLimits = PasswordHashLimits::interactive();
        } else if (value == u"minimal") {
            config->staff.passwordLimits = PasswordHashLimits::minimal();
        } else {
            *error = tr("The password hash cost \"%1\" must be \"interactive\" or \"minimal\".")
                         .arg(value);
            return false;
        }
    } else {
        *error = tr("Unknown setting \"%1\".").arg(key);
        return false;
    }
    return true;
}

const char *const valueKeys[] = {"listen",
                                 "port",
                                 "database",
                                 "key-file",
                                 "hold-minutes",
                                 "sync",
                                 "max-body-bytes",
                                 "lookup-burst",
                                 "lookup-per-minute",
                                 "head-timeout",
                                 "body-timeout",
                                 "idle-timeout",
                                 "max-connections",
                                 "trusted-proxy",
                                 "token-minutes",
                                 "password-hash",
                                 "holds-per-client",
                                 "holds-per-person",
                                 "idempotency-cache",
                                 "availability-cache"};

} // namespace

bool ServiceConfig::applyFile(const QString &path, ServiceConfig *config, QString *error) {
    if (!QFileInfo(path).isReadable()) {
        *error = tr("Cannot read the configuration file \"%1\".").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = tr("The configuration file \"%1\" is not a valid INI file.").arg(path);
        return false;
    }
    settings.beginGroup(QStringLiteral("service"));
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        // QSettings reads "a, b" as a list.
        const QVariant value = settings.value(key);
        const QString text = value.typeId() == QMetaType::QStringList
                                 ? value.toStringList().join(u',')
                                 : value.toString();
        if (!applyValue(key, text, config, error)) {
            *error = tr("%1 (in %2)").arg(*error, path);
            return false;
        }
    }
    return true;
}

bool ServiceConfig::fromArguments(const QStringList &arguments, ServiceConfig *config,
                                  QString *error, QString *helpText) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Slotdesk booking service: citizens book test and vaccination appointments, "
           "staff consoles publish slots and watch bookings live.\n"
           "Settings come from the defaults, then the configuration file (INI, section "
           "[service], keys named like the options below), then the options."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version and exit."));
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption({QStringLiteral("config"), tr("Read settings from this INI file."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("listen"), tr("IP address to listen on (default 127.0.0.1)."),
                      QStringLiteral("address")});
    parser.addOption({QStringLiteral("port"),
                      tr("TCP port (default 8080; 0 picks a free port, printed at start)."),
                      QStringLiteral("port")});
    parser.addOption({QStringLiteral("database"),
                      tr("SQLite database file, created and migrated if needed "
                         "(default slotdesk-service.db)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("key-file"),
                      tr("Ed25519 signing key for QR codes, generated with mode 0600 on first "
                         "start (default slotdesk-service.key)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("hold-minutes"),
                      tr("How long a held slot stays reserved before confirmation, 1 to 60 "
                         "(default 10)."),
                      QStringLiteral("minutes")});
    parser.addOption({QStringLiteral("sync"),
                      tr("SQLite durability: \"normal\" survives a crash of the service "
                         "(default), \"full\" also a power loss, at lower throughput."),
                      QStringLiteral("mode")});
    parser.addOption({QStringLiteral("max-body-bytes"),
                      tr("Largest accepted request body (default 65536)."),
                      QStringLiteral("bytes")});
    parser.addOption({QStringLiteral("lookup-burst"),
                      tr("Booking-code lookups one address may make at once (default 20)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("lookup-per-minute"),
                      tr("Booking-code lookups one address regains per minute (default 60)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("pepper-file"),
                      tr("Secret that keys the person keys, created 0600 on first start "
                         "(default: the key file's name with \".pepper\")."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("holds-per-client"),
                      tr("Places one address may hold at once, 0 for no limit (default 10)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("holds-per-person"),
                      tr("Places one person named in hold requests may hold at once, 0 for no "
                         "limit (default 2)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("idempotency-cache"),
                      tr("Idempotent answers kept in memory (default 100000)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("availability-cache"),
                      tr("Availability answers kept in memory (default 4096)."),
                      QStringLiteral("n")});

    parser.addOption({QStringLiteral("head-timeout"),
                      tr("Seconds a client may take to send a request's headers (default 10); "
                         "then 408 and the connection is closed."),
                      QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("body-timeout"),
                      tr("Seconds a client may take to send a request's body (default 30)."),
                      QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("idle-timeout"),
                      tr("Seconds an idle keep-alive connection stays open (default 60)."),
                      QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("max-connections"),
                      tr("Open HTTP connections at most (default 4096); one more is answered "
                         "503 at once. Keep it below the file descriptor limit."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("trusted-proxy"),
                      tr("A reverse proxy (address or CIDR range) whose X-Forwarded-For header "
                         "names the client for rate limits; repeat for several. The header is "
                         "ignored from anyone else."),
                      QStringLiteral("address")});
    parser.addOption({QStringLiteral("token-minutes"),
                      tr("How long a staff login stays valid, 5 to 10080 minutes (default 720)."),
                      QStringLiteral("minutes")});
    parser.addOption({QStringLiteral("password-hash"),
                      tr("Argon2id cost of staff passwords: \"interactive\" (default) or "
                         "\"minimal\" (only for test set-ups)."),
                      QStringLiteral("cost")});
    const QCommandLineOption createAdmin(
        QStringLiteral("create-admin"),
        tr("Create the first admin account with this login and exit. The password is read "
           "from the environment variable SLOTDESK_ADMIN_PASSWORD if set, else from the first "
           "line of standard input (at least 10 characters)."),
        QStringLiteral("login"));
    parser.addOption(createAdmin);

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(help)) {
        *helpText = parser.helpText();
        return false;
    }
    if (parser.isSet(version)) {
        *helpText = serviceProductName() % u'\n';
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst());
        return false;
    }
    if (parser.isSet(QStringLiteral("config")) &&
        !applyFile(parser.value(QStringLiteral("config")), config, error))
        return false;
    if (parser.isSet(createAdmin))
        config->createAdmin = parser.value(createAdmin);
    for (const char *key : valueKeys) {
        const QString name = QLatin1String(key);
        // The last of a repeated option wins, except for the list.
        const QString value =
            name == u"trusted-proxy" ? parser.values(name).join(u',') : parser.value(name);
        if (parser.isSet(name) && !applyValue(name, value, config, error))
            return false;
    }
    return true;
}

} // namespace slotdesk
