#include "service/staff/StaffUserController.h"

#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffAuth.h"
#include "service/staff/StaffWriter.h"

#include <QDateTime>
#include <QJsonArray>

namespace slotdesk {

namespace {

QHttpServerResponse accountError(StaffAccounts::Error error) {
    switch (error) {
    case StaffAccounts::Error::InvalidLogin:
        return jsonError(HttpStatus::BadRequest, QStringLiteral("invalid_login"),
                         QStringLiteral("A login has 3 to 64 characters a-z, 0-9, '.', '_' or "
                                        "'-'."),
                         QStringLiteral("login"));
    case StaffAccounts::Error::WeakPassword:
        return jsonError(HttpStatus::UnprocessableEntity, QStringLiteral("weak_password"),
                         QStringLiteral("A password has 10 to 1024 characters."),
                         QStringLiteral("password"));
    case StaffAccounts::Error::DuplicateLogin:
        return jsonError(HttpStatus::Conflict, QStringLiteral("login_taken"),
                         QStringLiteral("An account with this login exists already."),
                         QStringLiteral("login"));
    case StaffAccounts::Error::NotFound:
        return jsonError(HttpStatus::NotFound, QStringLiteral("not_found"),
                         QStringLiteral("There is no staff account with this login."));
    case StaffAccounts::Error::LastAdmin:
        return jsonError(HttpStatus::Conflict, QStringLiteral("last_admin"),
                         QStringLiteral("The last active admin cannot be deactivated or given "
                                        "another role."));
    case StaffAccounts::Error::Io:
    case StaffAccounts::Error::None:
        break;
    }
    return jsonError(HttpStatus::ServiceUnavailable, QStringLiteral("storage_error"),
                     QStringLiteral("The account could not be stored; try again."));
}

// Untrimmed optional password with the same type checks as JsonFields.
std::optional<QString> passwordField(const QJsonObject &body, JsonFields &fields,
                                     JsonFields::Presence presence) {
    const QJsonValue value = body.value(QStringLiteral("password"));
    fields.string(QStringLiteral("password"), presence, 1024);
    if (fields.failed() || !value.isString())
        return std::nullopt;
    return value.toString();
}

std::optional<StaffRole> roleField(JsonFields &fields, JsonFields::Presence presence) {
    const QString text = fields.string(QStringLiteral("role"), presence, 16);
    if (fields.failed() || text.isEmpty())
        return std::nullopt;
    StaffRole role;
    if (!staffRoleFromString(text, &role)) {
        fields.fail(HttpStatus::BadRequest, QStringLiteral("invalid_value"),
                    QStringLiteral("The role must be admin, desk or supervisor."),
                    QStringLiteral("role"));
        return std::nullopt;
    }
    return role;
}

} // namespace

StaffUserController::StaffUserController(StaffAuth &auth, StaffWriter &writer)
    : m_auth(auth)
    , m_writer(writer) {}

void StaffUserController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/api/v1/staff"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
        if (!caller.user)
            return std::move(*caller.refusal);
        QJsonArray items;
        for (const StaffUser &user : m_auth.accounts().list())
            items.append(staffUserJson(user));
        return jsonResponse(QJsonObject{{QStringLiteral("items"), items}});
    });

    router.post(QStringLiteral("/api/v1/staff"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
        if (!caller.user)
            return std::move(*caller.refusal);
        std::optional<QHttpServerResponse> error;
        const std::optional<QJsonObject> body = parseJsonObject(request, &error);
        if (!body)
            return std::move(*error);
        JsonFields fields(*body);
        const QString login = fields.string(QStringLiteral("login"), JsonFields::Required, 64);
        const QString displayName =
            fields.string(QStringLiteral("display_name"), JsonFields::Optional, 200);
        const std::optional<StaffRole> role = roleField(fields, JsonFields::Required);
        const std::optional<QString> password = passwordField(*body, fields, JsonFields::Required);
        fields.rejectUnknown();
        if (fields.failed())
            return fields.takeError();

        const qint64 now = m_auth.now();
        StaffAccounts::Result result;
        m_writer.run([&](StaffWriter::Transaction &tx) {
            result = m_auth.accounts().create(login, displayName, *role, *password, now);
            return result.error == StaffAccounts::Error::None &&
                   tx.audit({now, caller.user->login, QStringLiteral("staff.create"),
                             QStringLiteral("staff_user"), login,
                             QJsonObject{{QStringLiteral("role"), staffRoleToString(*role)},
                                         {QStringLiteral("display_name"), displayName}}});
        });
        if (result.error != StaffAccounts::Error::None)
            return accountError(result.error);
        if (result.user.id == 0)
            return accountError(StaffAccounts::Error::Io);
        return jsonResponse(staffUserJson(result.user), HttpStatus::Created);
    });

    router.get(QStringLiteral("/api/v1/staff/{login}"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
        if (!caller.user)
            return std::move(*caller.refusal);
        const std::optional<StaffUser> user =
            m_auth.accounts().findByLogin(request.param(u"login"));
        if (!user)
            return accountError(StaffAccounts::Error::NotFound);
        return jsonResponse(staffUserJson(*user));
    });

    router.patch(QStringLiteral("/api/v1/staff/{login}"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
        if (!caller.user)
            return std::move(*caller.refusal);
        const std::optional<StaffUser> target =
            m_auth.accounts().findByLogin(request.param(u"login"));
        if (!target)
            return accountError(StaffAccounts::Error::NotFound);
        std::optional<QHttpServerResponse> error;
        const std::optional<QJsonObject> body = parseJsonObject(request, &error);
        if (!body)
            return std::move(*error);

        JsonFields fields(*body);
        StaffAccounts::Changes changes;
        if (body->contains(QStringLiteral("display_name")))
            changes.displayName =
                fields.string(QStringLiteral("display_name"), JsonFields::Optional, 200);
        changes.role = roleField(fields, JsonFields::Optional);
        const QJsonValue active = body->value(QStringLiteral("active"));
        if (!active.isUndefined()) {
            if (!active.isBool())
                fields.fail(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                            QStringLiteral("The field \"active\" must be true or false."),
                            QStringLiteral("active"));
            changes.active = active.toBool();
        }
        fields.firstOf({QStringLiteral("active")});
        changes.password = passwordField(*body, fields, JsonFields::Optional);
        fields.rejectUnknown();
        if (fields.failed())
            return fields.takeError();

        QJsonArray changed;
        if (changes.displayName)
            changed.append(QStringLiteral("display_name"));
        if (changes.role)
            changed.append(QStringLiteral("role"));
        if (changes.active)
            changed.append(QStringLiteral("active"));
        if (changes.password)
            changed.append(QStringLiteral("password"));
        // Whoever loses rights or a password loses the sessions opened with the old ones.
        const bool endSessions = (changes.active && !*changes.active) || changes.password ||
                                 (changes.role && *changes.role != target->role);

        const qint64 now = m_auth.now();
        StaffAccounts::Result result;
        m_writer.run([&](StaffWriter::Transaction &tx) {
            result = m_auth.accounts().update(target->id, changes, now);
            if (result.error != StaffAccounts::Error::None)
                return false;
            if (endSessions && !m_auth.tokens().revokeAll(target->id, now))
                return false;
            QJsonObject detail{{QStringLiteral("changed"), changed}};
            if (changes.role)
                detail.insert(QStringLiteral("role"), staffRoleToString(*changes.role));
            if (changes.active)
                detail.insert(QStringLiteral("active"), *changes.active);
            return tx.audit({now, caller.user->login, QStringLiteral("staff.update"),
                             QStringLiteral("staff_user"), target->login, detail});
        });
        if (result.error != StaffAccounts::Error::None)
            return accountError(result.error);
        if (result.user.updatedAt != now)
            return accountError(StaffAccounts::Error::Io);
        return jsonResponse(staffUserJson(result.user));
    });

    router.get(QStringLiteral("/api/v1/audit"), [this](const HttpRequest &request) {
        StaffAuth::Caller caller =
            m_auth.require(request, {StaffRole::Admin, StaffRole::Supervisor});
        if (!caller.user)
            return std::move(*caller.refusal);
        const QUrlQuery query = request.query();
        bool ok = true;
        int limit = 100;
        if (query.hasQueryItem(QStringLiteral("limit"))) {
            limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit < 1 || limit > 1000)
                return jsonError(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
                                 QStringLiteral("limit must be 1 to 1000."),
                                 QStringLiteral("limit"));
        }
        qint64 before = 0;
        if (query.hasQueryItem(QStringLiteral("before"))) {
            before = query.queryItemValue(QStringLiteral("before")).toLongLong(&ok);
            if (!ok || before < 1)
                return jsonError(HttpStatus::BadRequest, QStringLiteral("out_of_range"),
                                 QStringLiteral("before must be a positive audit id."),
                                 QStringLiteral("before"));
        }
        QList<qint64> ids;
        const QList<AuditLog::Entry> entries = m_auth.audit().latest(limit, before, &ids);
        QJsonArray items;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const AuditLog::Entry &e = entries.at(i);
            items.append(
                QJsonObject{{QStringLiteral("id"), ids.at(i)},
                            {QStringLiteral("at"),
                             QDateTime::fromSecsSinceEpoch(e.at, Qt::UTC).toString(Qt::ISODate)},
                            {QStringLiteral("actor"), e.actor},
                            {QStringLiteral("action"), e.action},
                            {QStringLiteral("entity"), e.entity},
                            {QStringLiteral("entity_id"), e.entityId},
                            {QStringLiteral("detail"), e.detail}});
        }
        QJsonObject answer{{QStringLiteral("items"), items}};
        if (entries.size() == limit)
            answer.insert(QStringLiteral("next_before"), ids.constLast());
        return jsonResponse(answer);
    });
}

} // namespace slotdesk
