#include "service/staff/auth/StaffUserController.h"

#include "service/http/JsonBody.h"
#include "service/http/Router.h"
#include "service/staff/StaffWriter.h"
#include "service/staff/auth/StaffAuth.h"

#include <QJsonArray>
#include <QUuid>

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
    case StaffAccounts::Error::UnknownCentre:
        return jsonError(HttpStatus::UnprocessableEntity, QStringLiteral("unknown_centre"),
                         QStringLiteral("A centre of the list does not exist."),
                         QStringLiteral("centres"));
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

// "centres": an array of distinct centre UUIDs (empty: every centre). Absent: nullopt.
std::optional<QStringList> centresField(const QJsonObject &body, JsonFields &fields) {
    const QJsonValue value = body.value(QStringLiteral("centres"));
    fields.firstOf({QStringLiteral("centres")});
    if (value.isUndefined() || fields.failed())
        return std::nullopt;
    const auto refuse = [&fields](const QString &message) {
        fields.fail(HttpStatus::BadRequest, QStringLiteral("invalid_value"), message,
                    QStringLiteral("centres"));
        return std::nullopt;
    };
    if (!value.isArray() || value.toArray().size() > 1000)
        return refuse(QStringLiteral("centres must be an array of at most 1000 centre UUIDs."));
    QStringList uuids;
    for (const QJsonValue &item : value.toArray()) {
        const QUuid uuid = QUuid::fromString(item.toString());
        if (!item.isString() || uuid.isNull())
            return refuse(QStringLiteral("centres must be an array of centre UUIDs."));
        const QString text = uuid.toString(QUuid::WithoutBraces);
        if (!uuids.contains(text))
            uuids.append(text);
    }
    return uuids;
}

} // namespace

StaffUserController::StaffUserController(StaffAuth &auth, StaffWriter &writer)
    : m_auth(auth)
    , m_writer(writer) {}

void StaffUserController::registerRoutes(Router &router) {
    router.get(QStringLiteral("/api/v1/staff"),
               [this](const HttpRequest &request) { return list(request); });
    router.post(QStringLiteral("/api/v1/staff"),
                [this](const HttpRequest &request) { return create(request); });
    router.get(QStringLiteral("/api/v1/staff/{login}"),
               [this](const HttpRequest &request) { return show(request); });
    router.patch(QStringLiteral("/api/v1/staff/{login}"),
                 [this](const HttpRequest &request) { return update(request); });
}

QHttpServerResponse StaffUserController::list(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    QJsonArray items;
    for (const StaffUser &user : m_auth.accounts().list())
        items.append(staffUserJson(user, m_auth.accounts().centresOf(user.id)));
    return jsonResponse(QJsonObject{{QStringLiteral("items"), items}});
}

QHttpServerResponse StaffUserController::create(const HttpRequest &request) {
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
    const QStringList centres = centresField(*body, fields).value_or(QStringList());
    fields.rejectUnknown();
    if (fields.failed())
        return fields.takeError();

    const qint64 now = m_auth.now();
    StaffAccounts::Result result;
    m_writer.run([&](StaffWriter::Transaction &tx) {
        result = m_auth.accounts().create(login, displayName, *role, *password, now);
        if (result.error == StaffAccounts::Error::None)
            result.error = m_auth.accounts().setCentres(result.user.id, centres);
        return result.error == StaffAccounts::Error::None &&
               tx.audit(
                   {now, caller.user->login, QStringLiteral("staff.create"),
                    QStringLiteral("staff_user"), login,
                    QJsonObject{{QStringLiteral("role"), staffRoleToString(*role)},
                                {QStringLiteral("display_name"), displayName},
                                {QStringLiteral("centres"), QJsonArray::fromStringList(centres)}}});
    });
    if (result.error != StaffAccounts::Error::None)
        return accountError(result.error);
    if (result.user.id == 0)
        return accountError(StaffAccounts::Error::Io);
    return jsonResponse(staffUserJson(result.user, m_auth.accounts().centresOf(result.user.id)),
                        HttpStatus::Created);
}

QHttpServerResponse StaffUserController::show(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<StaffUser> user = m_auth.accounts().findByLogin(request.param(u"login"));
    if (!user)
        return accountError(StaffAccounts::Error::NotFound);
    return jsonResponse(staffUserJson(*user, m_auth.accounts().centresOf(user->id)));
}

QHttpServerResponse StaffUserController::update(const HttpRequest &request) {
    StaffAuth::Caller caller = m_auth.require(request, {StaffRole::Admin});
    if (!caller.user)
        return std::move(*caller.refusal);
    const std::optional<StaffUser> target = m_auth.accounts().findByLogin(request.param(u"login"));
    if (!target)
        return accountError(StaffAccounts::Error::NotFound);
    std::optional<QHttpServerResponse> error;
    const std::optional<QJsonObject> body = parseJsonObject(request, &error);
    if (!body)
        return std::move(*error);
    StaffAccounts::Changes changes;
    std::optional<QStringList> centres;
    if (std::optional<QHttpServerResponse> refusal = readChanges(*body, &changes, &centres))
        return std::move(*refusal);

    QJsonArray changed;
    if (changes.displayName)
        changed.append(QStringLiteral("display_name"));
    if (changes.role)
        changed.append(QStringLiteral("role"));
    if (changes.active)
        changed.append(QStringLiteral("active"));
    if (changes.password)
        changed.append(QStringLiteral("password"));
    if (centres)
        changed.append(QStringLiteral("centres"));
    // Whoever loses rights or a password loses the sessions opened with the old ones (an open
    // live stream of a session that saw other centres ends too).
    const bool endSessions =
        (changes.active && !*changes.active) || changes.password ||
        (changes.role && *changes.role != target->role) ||
        (centres && *centres != m_auth.accounts().centresOf(target->id).uuids());

    const qint64 now = m_auth.now();
    StaffAccounts::Result result;
    m_writer.run([&](StaffWriter::Transaction &tx) {
        result = m_auth.accounts().update(target->id, changes, now);
        if (result.error == StaffAccounts::Error::None && centres)
            result.error = m_auth.accounts().setCentres(target->id, *centres);
        if (result.error != StaffAccounts::Error::None)
            return false;
        if (endSessions && !m_auth.tokens().revokeAll(target->id, now))
            return false;
        QJsonObject detail{{QStringLiteral("changed"), changed}};
        if (changes.role)
            detail.insert(QStringLiteral("role"), staffRoleToString(*changes.role));
        if (changes.active)
            detail.insert(QStringLiteral("active"), *changes.active);
        if (centres)
            detail.insert(QStringLiteral("centres"), QJsonArray::fromStringList(*centres));
        return tx.audit({now, caller.user->login, QStringLiteral("staff.update"),
                         QStringLiteral("staff_user"), target->login, detail});
    });
    if (result.error != StaffAccounts::Error::None)
        return accountError(result.error);
    if (result.user.updatedAt != now)
        return accountError(StaffAccounts::Error::Io);
    return jsonResponse(staffUserJson(result.user, m_auth.accounts().centresOf(target->id)));
}

std::optional<QHttpServerResponse>
StaffUserController::readChanges(const QJsonObject &body, StaffAccounts::Changes *changes,
                                 std::optional<QStringList> *centres) {
    JsonFields fields(body);
    if (body.contains(QStringLiteral("display_name")))
        changes->displayName =
            fields.string(QStringLiteral("display_name"), JsonFields::Optional, 200);
    changes->role = roleField(fields, JsonFields::Optional);
    const QJsonValue active = body.value(QStringLiteral("active"));
    if (!active.isUndefined()) {
        if (!active.isBool())
            fields.fail(HttpStatus::BadRequest, QStringLiteral("wrong_type"),
                        QStringLiteral("The field \"active\" must be true or false."),
                        QStringLiteral("active"));
        changes->active = active.toBool();
    }
    fields.firstOf({QStringLiteral("active")});
    changes->password = passwordField(body, fields, JsonFields::Optional);
    *centres = centresField(body, fields);
    fields.rejectUnknown();
    if (fields.failed())
        return fields.takeError();
    return std::nullopt;
}

} // namespace slotdesk
