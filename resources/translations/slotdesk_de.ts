<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CentreCommands</name>
    <message>
        <source>Create centre &quot;%1&quot;</source>
        <translation>Zentrum „%1“ anlegen</translation>
    </message>
    <message>
        <source>Edit centre &quot;%1&quot;</source>
        <translation>Zentrum „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Reactivate centre &quot;%1&quot;</source>
        <translation>Zentrum „%1“ reaktivieren</translation>
    </message>
    <message>
        <source>Deactivate centre &quot;%1&quot;</source>
        <translation>Zentrum „%1“ deaktivieren</translation>
    </message>
</context>
<context>
    <name>CentreCsv</name>
    <message>
        <source>The column &quot;%1&quot; appears twice in the header.</source>
        <translation>Die Spalte „%1“ steht zweimal in der Kopfzeile.</translation>
    </message>
    <message>
        <source>The header line lacks the required columns: %1.</source>
        <translation>In der Kopfzeile fehlen die Pflichtspalten: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number.</source>
        <translation>„%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>The row has %1 fields, but the header has %2.</source>
        <translation>Die Zeile hat %1 Felder, die Kopfzeile aber %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a centre type; use &quot;test&quot; or &quot;vaccination&quot;.</source>
        <translation>„%1“ ist keine Zentrumsart; verwenden Sie „test“ oder „vaccination“ (bzw. „Testzentrum“ oder „Impfzentrum“).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known service.</source>
        <translation>„%1“ ist keine bekannte Leistung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for active; use 1 or 0.</source>
        <translation>„%1“ ist kein gültiger Wert für „active“; verwenden Sie 1 oder 0 (ja/nein).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid start time; use HH:mm, for example 08:30.</source>
        <translation>„%1“ ist keine gültige Anfangszeit; verwenden Sie HH:mm, zum Beispiel 08:30.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid end time; use HH:mm, for example 18:00 or 24:00.</source>
        <translation>„%1“ ist keine gültige Endzeit; verwenden Sie HH:mm, zum Beispiel 18:00 oder 24:00.</translation>
    </message>
    <message>
        <source>The end time %1 must be after the start time %2.</source>
        <translation>Die Endzeit %1 muss nach der Anfangszeit %2 liegen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a row type; use weekly, break, closure or special.</source>
        <translation>„%1“ ist keine Zeilenart; verwenden Sie weekly, break, closure oder special.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday; use Mo to So or 1 to 7.</source>
        <translation>„%1“ ist kein Wochentag; verwenden Sie Mo bis So oder 1 bis 7.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date; use dd.MM.yyyy, for example 24.12.2026.</source>
        <translation>„%1“ ist kein gültiges Datum; verwenden Sie TT.MM.JJJJ, zum Beispiel 24.12.2026.</translation>
    </message>
    <message>
        <source>The last day %1 must not be before the first day %2.</source>
        <translation>Der letzte Tag %1 darf nicht vor dem ersten Tag %2 liegen.</translation>
    </message>
    <message>
        <source>The centre &quot;%1&quot; appears more than once in the file (first in line %2).</source>
        <translation>Das Zentrum „%1“ kommt mehrmals in der Datei vor (zuerst in Zeile %2).</translation>
    </message>
    <message>
        <source>Please enter the name of the centre.</source>
        <translation>Bitte geben Sie den Namen des Zentrums an.</translation>
    </message>
</context>
<context>
    <name>CentrePublisher</name>
    <message>
        <source>The service cannot be reached. Nothing was lost: the centres stay marked as changed and can be published later.</source>
        <translation>Der Dienst ist nicht erreichbar. Es ging nichts verloren: Die Zentren bleiben als geändert markiert und werden später veröffentlicht.</translation>
    </message>
    <message>
        <source>Someone else changed the centre on the service.</source>
        <translation>Jemand anderes hat das Zentrum im Dienst geändert.</translation>
    </message>
    <message>
        <source>The service&apos;s version of this centre is not known.</source>
        <translation>Die Fassung des Dienstes für dieses Zentrum ist nicht bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>%n booked appointment(s) lie outside the new opening hours.</source>
        <translation>
            <numerusform>%n gebuchter Termin liegt außerhalb der neuen Öffnungszeiten.</numerusform>
            <numerusform>%n gebuchte Termine liegen außerhalb der neuen Öffnungszeiten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInVerdict</name>
    <message>
        <source>Not a booking code</source>
        <translation>Kein Buchungscode</translation>
    </message>
    <message>
        <source>A booking code has 11 characters, like K7QX-M2PD-9TC. Scan again or type the code.</source>
        <translation>Ein Buchungscode hat 11 Zeichen, z. B. K7QX-M2PD-9TC. Erneut scannen oder den Code eintippen.</translation>
    </message>
    <message>
        <source>The input holds characters that never appear in a booking code. Scan again or type the code.</source>
        <translation>Die Eingabe enthält Zeichen, die in keinem Buchungscode vorkommen. Erneut scannen oder den Code eintippen.</translation>
    </message>
    <message>
        <source>Code mistyped</source>
        <translation>Code vertippt</translation>
    </message>
    <message>
        <source>The check character does not match: a character was mistyped or misread. Compare the code and type it again.</source>
        <translation>Das Prüfzeichen passt nicht: Ein Zeichen wurde falsch getippt oder gelesen. Code vergleichen und neu eintippen.</translation>
    </message>
    <message>
        <source>Code of another system</source>
        <translation>Code eines anderen Systems</translation>
    </message>
    <message>
        <source>This is not a Slotdesk appointment (for example a web address or a vaccination certificate). Ask for the appointment confirmation.</source>
        <translation>Das ist kein Slotdesk-Termin (z. B. eine Webadresse oder ein Impfzertifikat). Nach der Terminbestätigung fragen.</translation>
    </message>
    <message>
        <source>Scan incomplete</source>
        <translation>Scan unvollständig</translation>
    </message>
    <message>
        <source>Only part of the QR code arrived. Hold the code steady and scan again.</source>
        <translation>Nur ein Teil des QR-Codes kam an. Code ruhig halten und erneut scannen.</translation>
    </message>
    <message>
        <source>Scanned twice</source>
        <translation>Doppelt gescannt</translation>
    </message>
    <message>
        <source>Two codes arrived at once. Scan the code again, once.</source>
        <translation>Zwei Codes kamen gleichzeitig an. Den Code noch einmal scannen, einmal.</translation>
    </message>
    <message>
        <source>Scanner set up wrongly</source>
        <translation>Scanner falsch eingestellt</translation>
    </message>
    <message>
        <source>The scanner types with another keyboard layout (US instead of German). Set the scanner to the German layout, or type the code.</source>
        <translation>Der Scanner tippt mit einem anderen Tastaturlayout (US statt Deutsch). Scanner auf das deutsche Layout umstellen oder den Code eintippen.</translation>
    </message>
    <message>
        <source>The scanner sent far too much data. Scan again.</source>
        <translation>Der Scanner hat viel zu viele Daten gesendet. Erneut scannen.</translation>
    </message>
    <message>
        <source>Scan again or type the code.</source>
        <translation>Erneut scannen oder den Code eintippen.</translation>
    </message>
    <message>
        <source>Checking …</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Signature invalid</source>
        <translation>Signatur ungültig</translation>
    </message>
    <message>
        <source>The QR code was not issued by this booking service or was altered. Do not check in; ask for the booking confirmation.</source>
        <translation>Der QR-Code stammt nicht von diesem Buchungsdienst oder wurde verändert. Nicht einchecken; nach der Buchungsbestätigung fragen.</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Compare name and birth date with the ID card.</source>
        <translation>Name und Geburtsdatum mit dem Ausweis vergleichen.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Bereits eingecheckt</translation>
    </message>
    <message>
        <source>This booking was checked in before. Ask the person and the supervisor before letting them in again.</source>
        <translation>Diese Buchung wurde schon eingecheckt. Person und Schichtleitung fragen, bevor sie erneut eingelassen wird.</translation>
    </message>
    <message>
        <source>This booking was checked in at %1. Ask the person and the supervisor before letting them in again.</source>
        <translation>Diese Buchung wurde um %1 Uhr eingecheckt. Person und Schichtleitung fragen, bevor sie erneut eingelassen wird.</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>Buchung storniert</translation>
    </message>
    <message>
        <source>This appointment was cancelled. A walk-in may be possible if capacity is free.</source>
        <translation>Dieser Termin wurde storniert. Ohne Termin ist es möglich, wenn Plätze frei sind.</translation>
    </message>
    <message>
        <source>Booking not valid</source>
        <translation>Buchung nicht gültig</translation>
    </message>
    <message>
        <source>This booking cannot be checked in (it was marked as a no-show).</source>
        <translation>Diese Buchung kann nicht eingecheckt werden (als nicht erschienen markiert).</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Unbekannter Code</translation>
    </message>
    <message>
        <source>There is no booking with this code. Compare the code with the confirmation and type it again.</source>
        <translation>Zu diesem Code gibt es keine Buchung. Code mit der Bestätigung vergleichen und neu eintippen.</translation>
    </message>
    <message>
        <source>Other centre</source>
        <translation>Anderes Zentrum</translation>
    </message>
    <message>
        <source>This booking belongs to a centre your account does not serve.</source>
        <translation>Diese Buchung gehört zu einem Zentrum, für das Ihr Konto nicht freigegeben ist.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Service not reachable</source>
        <translation>Dienst nicht erreichbar</translation>
    </message>
    <message>
        <source>The check-in could not be confirmed. Scan again when the connection is back.</source>
        <translation>Der Check-in konnte nicht bestätigt werden. Erneut scannen, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Check-in failed</source>
        <translation>Check-in fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>A quoted field that starts in line %1 is not closed with a quote.</source>
        <translation>Ein Feld in Anführungszeichen, das in Zeile %1 beginnt, wird nicht mit einem Anführungszeichen abgeschlossen.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Line %1 contains characters that are not UTF-8. Save the file as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>Zeile %1 enthält Zeichen, die kein UTF-8 sind. Speichern Sie die Datei als „CSV UTF-8“ und importieren Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>PublishState</name>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Changed since publishing</source>
        <translation>Geändert seit Veröffentlichung</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
</context>
<context>
    <name>ReleaseClient</name>
    <message>
        <source>The service&apos;s list of releases could not be read.</source>
        <translation>Die Liste der Freigaben des Dienstes konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The service&apos;s list of releases could not be read (%1).</source>
        <translation>Die Liste der Freigaben des Dienstes konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again; your entries are kept and will be sent again unchanged.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Eingaben bleiben erhalten und werden unverändert erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 Your entries are kept; try again when the service can be reached.</source>
        <translation>%1 Ihre Eingaben bleiben erhalten; versuchen Sie es erneut, sobald der Dienst erreichbar ist.</translation>
    </message>
    <message>
        <source>Too many doses of %1 in week %2: forecast %3 − offered %4 − reserved %5 = available %6, but this release requests %7. Release fewer places or ask for a higher forecast.</source>
        <translation>Zu viele Dosen von %1 in Woche %2: Prognose %3 − angeboten %4 − reserviert %5 = verfügbar %6, diese Freigabe fordert aber %7 an. Geben Sie weniger Plätze frei oder bitten Sie um eine höhere Prognose.</translation>
    </message>
    <message>
        <source>There is no delivery forecast of %1 for week %2. Enter the forecast first, then release.</source>
        <translation>Für %1 gibt es keine Lieferprognose für Woche %2. Geben Sie zuerst die Prognose ein, dann geben Sie frei.</translation>
    </message>
    <message>
        <source>Some of these slots are released already (same centre, service and start): their places cannot be released twice. Nothing was published.</source>
        <translation>Einige dieser Termine sind bereits freigegeben (gleiches Zentrum, gleiche Leistung, gleicher Beginn): Ihre Plätze können nicht zweimal freigegeben werden. Es wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>The age range excludes everyone: the upper age must not be below the lower one.</source>
        <translation>Der Altersbereich schließt alle aus: Das Höchstalter darf nicht unter dem Mindestalter liegen.</translation>
    </message>
    <message>
        <source>The opening time lies in the past. Choose a later time or &quot;now&quot;.</source>
        <translation>Der Öffnungszeitpunkt liegt in der Vergangenheit. Wählen Sie einen späteren Zeitpunkt oder „sofort“.</translation>
    </message>
    <message>
        <source>Some slots start before the release opens: nobody could book them. Choose an earlier opening time or later days.</source>
        <translation>Einige Termine beginnen vor der Öffnung der Freigabe: Niemand könnte sie buchen. Wählen Sie einen früheren Öffnungszeitpunkt oder spätere Tage.</translation>
    </message>
    <message>
        <source>The release was withdrawn already.</source>
        <translation>Die Freigabe wurde bereits zurückgezogen.</translation>
    </message>
    <message>
        <source>This slot has no place left. Choose another slot.</source>
        <translation>Dieser Termin hat keinen freien Platz mehr. Wählen Sie einen anderen Termin.</translation>
    </message>
    <message>
        <source>The release of this slot is not open yet.</source>
        <translation>Die Freigabe dieses Termins ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>This person already has a booking.</source>
        <translation>Diese Person hat bereits eine Buchung.</translation>
    </message>
    <message>
        <source>The person may not book this release (%1).</source>
        <translation>Die Person darf in dieser Freigabe nicht buchen (%1).</translation>
    </message>
    <message>
        <source>This slot has started already. Choose a later slot.</source>
        <translation>Dieser Termin hat bereits begonnen. Wählen Sie einen späteren Termin.</translation>
    </message>
</context>
<context>
    <name>ReleaseDraftRules</name>
    <message>
        <source>Choose at least one centre.</source>
        <translation>Wählen Sie mindestens ein Zentrum.</translation>
    </message>
    <message>
        <source>Choose at least one service.</source>
        <translation>Wählen Sie mindestens eine Leistung.</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Wählen Sie mindestens einen Tag.</translation>
    </message>
    <message>
        <source>The chosen centres, services and days have no slots in the plan.</source>
        <translation>Die gewählten Zentren, Leistungen und Tage haben im Plan keine Termine.</translation>
    </message>
    <message>
        <source>%1 slots are more than one release may hold (%2). Choose fewer days or centres.</source>
        <translation>%1 Termine sind mehr, als eine Freigabe enthalten darf (%2). Wählen Sie weniger Tage oder Zentren.</translation>
    </message>
    <message>
        <source>Give the release a name.</source>
        <translation>Geben Sie der Freigabe einen Namen.</translation>
    </message>
    <message>
        <source>Enter the date and time of opening.</source>
        <translation>Geben Sie Datum und Uhrzeit der Öffnung ein.</translation>
    </message>
    <message>
        <source>The opening time %1 lies in the past. Choose a later time or &quot;now&quot;.</source>
        <translation>Der Öffnungszeitpunkt %1 liegt in der Vergangenheit. Wählen Sie einen späteren Zeitpunkt oder „sofort“.</translation>
    </message>
    <message>
        <source>The age range %1 to %2 excludes everyone: the upper age must not be below the lower one.</source>
        <translation>Der Altersbereich %1 bis %2 schließt alle aus: Das Höchstalter darf nicht unter dem Mindestalter liegen.</translation>
    </message>
    <message>
        <source>An invitation-only release needs between 1 and %1 invitation codes.</source>
        <translation>Eine Freigabe nur mit Einladung braucht zwischen 1 und %1 Einladungscodes.</translation>
    </message>
    <message>
        <source>The hotline share is a percentage from 0 to 100.</source>
        <translation>Der Hotline-Anteil ist ein Prozentsatz von 0 bis 100.</translation>
    </message>
    <message>
        <source>%1–%2 years</source>
        <translation>%1–%2 Jahre</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>up to %1 years</source>
        <translation>bis %1 Jahre</translation>
    </message>
    <message>
        <source>priority group %1</source>
        <translation>Prioritätsgruppe %1</translation>
    </message>
    <message>
        <source>with invitation only</source>
        <translation>nur mit Einladung</translation>
    </message>
    <message>
        <source>open to everyone</source>
        <translation>für alle</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <source>1 appointment</source>
        <translation>1 Termin</translation>
    </message>
    <message>
        <source>%1 appointments</source>
        <translation>%1 Termine</translation>
    </message>
    <message>
        <source>in 1 centre</source>
        <translation>in 1 Zentrum</translation>
    </message>
    <message>
        <source>in %1 centres</source>
        <translation>in %1 Zentren</translation>
    </message>
    <message>
        <source>from now</source>
        <translation>ab sofort</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>%1 %2, %3, %4</source>
        <translation>%1 %2, %3, %4</translation>
    </message>
    <message>
        <source>%1, week %2: no delivery forecast entered; requested %3. An admin enters the forecast first.</source>
        <translation>%1, Woche %2: keine Lieferprognose eingetragen; angefragt %3. Eine Administratorin oder ein Administrator trägt zuerst die Prognose ein.</translation>
    </message>
    <message>
        <source>%1, week %2: forecast %3 − offered %4 − reserved %5 = available %6; requested %7: %8</source>
        <translation>%1, Woche %2: Prognose %3 − angeboten %4 − reserviert %5 = verfügbar %6; angefragt %7: %8</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>passt</translation>
    </message>
    <message>
        <source>too many</source>
        <translation>zu viele</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Aufsicht</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Empfang</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>Rapid antigen test</source>
        <translation>Antigen-Schnelltest</translation>
    </message>
    <message>
        <source>PCR test</source>
        <translation>PCR-Test</translation>
    </message>
    <message>
        <source>Vaccination: %1</source>
        <translation>Impfung: %1</translation>
    </message>
</context>
<context>
    <name>ServiceClient</name>
    <message>
        <source>The service at %1 cannot be reached (%2). Check the address in Settings → Service and the network connection.</source>
        <translation>Der Dienst unter %1 ist nicht erreichbar (%2). Prüfen Sie die Adresse unter Einstellungen → Dienst und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The service at %1 did not answer within %2 seconds. Try again later.</source>
        <translation>Der Dienst unter %1 hat nicht innerhalb von %2 Sekunden geantwortet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The certificate of the service at %1 is not trusted (%2). Check the address, or pin the service&apos;s certificate in Settings → Service.</source>
        <translation>Dem Zertifikat des Dienstes unter %1 wird nicht vertraut (%2). Prüfen Sie die Adresse oder hinterlegen Sie das Zertifikat des Dienstes unter Einstellungen → Dienst.</translation>
    </message>
    <message>
        <source>The service at %1 shows a different certificate than the pinned one. The connection was closed; ask your administrator.</source>
        <translation>Der Dienst unter %1 zeigt ein anderes Zertifikat als das hinterlegte. Die Verbindung wurde getrennt; wenden Sie sich an Ihre Administration.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Login oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or is no longer valid. Please sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder nicht mehr gültig. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your account may not do this (%1).</source>
        <translation>Ihr Konto darf das nicht (%1).</translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1, %2): %3</source>
        <translation>Der Dienst hat die Anfrage abgelehnt (HTTP %1, %2): %3</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 seconds.</source>
        <translation>Zu viele Versuche. Versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>The service has an internal problem (HTTP %1). Try again later; if it persists, tell your administrator.</source>
        <translation>Der Dienst hat ein internes Problem (HTTP %1). Versuchen Sie es später erneut; wenn es bleibt, informieren Sie Ihre Administration.</translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read. Is the address really a Slotdesk service?</source>
        <translation>Die Antwort des Dienstes ist nicht lesbar. Ist die Adresse wirklich ein Slotdesk-Dienst?</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No service is configured. Enter its address in Settings → Service.</source>
        <translation>Es ist kein Dienst eingerichtet. Tragen Sie seine Adresse unter Einstellungen → Dienst ein.</translation>
    </message>
</context>
<context>
    <name>SlotGenerator</name>
    <message>
        <source>Enter a first and a last day.</source>
        <translation>Bitte einen ersten und einen letzten Tag angeben.</translation>
    </message>
    <message>
        <source>The last day (%1) is before the first day (%2).</source>
        <translation>Der letzte Tag (%1) liegt vor dem ersten Tag (%2).</translation>
    </message>
    <message>
        <source>A plan covers at most %1 days; split the range.</source>
        <translation>Ein Plan umfasst höchstens %1 Tage; bitte den Zeitraum aufteilen.</translation>
    </message>
</context>
<context>
    <name>SlotPlanTable</name>
    <message>
        <source>The slot plan cannot be saved: %1</source>
        <translation>Der Terminplan kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>A slot of this plan (%1, %2) is already published. Nothing was saved; plan from a later day or withdraw the published slots first.</source>
        <translation>Ein Termin dieses Plans (%1, %2) ist bereits veröffentlicht. Es wurde nichts gespeichert; planen Sie ab einem späteren Tag oder ziehen Sie die veröffentlichten Termine zuerst zurück.</translation>
    </message>
</context>
<context>
    <name>SqliteBookingStore</name>
    <message>
        <source>The booking database failed: %1</source>
        <translation>Die Buchungsdatenbank meldet einen Fehler: %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Slotdesk</source>
        <translation>Slotdesk</translation>
    </message>
    <message>
        <source>Slotdesk cannot start</source>
        <translation>Slotdesk kann nicht starten</translation>
    </message>
    <message>
        <source>Slotdesk console: centres, opening hours and appointments of test and vaccination centres.</source>
        <translation>Slotdesk-Konsole: Zentren, Öffnungszeiten und Termine von Test- und Impfzentren.</translation>
    </message>
    <message>
        <source>Keep the database in &lt;directory&gt; instead of the user&apos;s data directory.</source>
        <translation>Die Datenbank in &lt;Verzeichnis&gt; statt im Datenverzeichnis des Benutzers führen.</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (de or en) for this run, regardless of the setting.</source>
        <translation>&lt;Sprache&gt; (de oder en) für diesen Start verwenden, unabhängig von der Einstellung.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;. Use de or en.</source>
        <translation>Unbekannte Sprache „%1“. Verwenden Sie de oder en.</translation>
    </message>
    <message>
        <source>--data-dir needs a directory.</source>
        <translation>--data-dir braucht ein Verzeichnis.</translation>
    </message>
    <message>
        <source>No data directory is known for this user. Start Slotdesk with --data-dir and a directory you can write to.</source>
        <translation>Für diesen Benutzer ist kein Datenverzeichnis bekannt. Starten Sie Slotdesk mit --data-dir und einem Verzeichnis, in das Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>The data directory &quot;%1&quot; could not be created. Check that the path is correct and that you may write there, or choose another directory with --data-dir.</source>
        <translation>Das Datenverzeichnis „%1“ konnte nicht angelegt werden. Prüfen Sie, ob der Pfad stimmt und Sie dort schreiben dürfen, oder wählen Sie mit --data-dir ein anderes Verzeichnis.</translation>
    </message>
    <message>
        <source>Use the booking service at &lt;url&gt; for this run, regardless of the setting.</source>
        <translation>Für diesen Start den Buchungsdienst unter &lt;URL&gt; verwenden, unabhängig von der Einstellung.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Sign in to the service as &lt;name&gt;; the password is taken from the environment variable SLOTDESK_PASSWORD, else asked for.</source>
        <translation>Beim Dienst als &lt;Name&gt; anmelden; das Passwort kommt aus der Umgebungsvariablen SLOTDESK_PASSWORD, sonst wird danach gefragt.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>--service needs an address such as https://slotdesk.example.de, not &quot;%1&quot;.</source>
        <translation>--service braucht eine Adresse wie https://slotdesk.example.de, nicht „%1“.</translation>
    </message>
    <message>
        <source>--login needs a name.</source>
        <translation>--login braucht einen Namen.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database could not be updated: table %1 refers to rows that do not exist. It was left unchanged at version %2.</source>
        <translation>Die Datenbank konnte nicht aktualisiert werden: Tabelle %1 verweist auf Zeilen, die es nicht gibt. Sie bleibt unverändert auf Version %2.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>Der Datenträger ist voll. Es wurde nichts gespeichert; schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database file is read-only. Nothing was saved.</source>
        <translation>Die Datenbankdatei ist schreibgeschützt. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The database is locked by another program. Nothing was saved; please try again.</source>
        <translation>Die Datenbank ist von einem anderen Programm gesperrt. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a Slotdesk database (%1).</source>
        <translation>Die Datenbankdatei ist beschädigt oder keine Slotdesk-Datenbank (%1).</translation>
    </message>
    <message>
        <source>The change conflicts with data already stored. Nothing was saved (%1).</source>
        <translation>Die Änderung widerspricht bereits gespeicherten Daten. Es wurde nichts gespeichert (%1).</translation>
    </message>
    <message>
        <source>The database could not be read or written. Nothing was saved (%1).</source>
        <translation>Die Datenbank konnte nicht gelesen oder geschrieben werden. Es wurde nichts gespeichert (%1).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check the path and your access rights.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden. Prüfen Sie den Pfad und Ihre Zugriffsrechte.</translation>
    </message>
    <message>
        <source>The file %1 is not a Slotdesk database.</source>
        <translation>Die Datei %1 ist keine Slotdesk-Datenbank.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The file %1 is a database of another program, not a Slotdesk database.</source>
        <translation>Die Datei %1 ist die Datenbank eines anderen Programms, keine Slotdesk-Datenbank.</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging; is the folder writable?</source>
        <translation>Die Datenbank %1 kann kein Write-Ahead-Log verwenden; ist der Ordner beschreibbar?</translation>
    </message>
    <message>
        <source>The schema version of the database cannot be read.</source>
        <translation>Die Schemaversion der Datenbank kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This database was created by a newer Slotdesk version (schema %1; this version knows up to %2). Please update Slotdesk.</source>
        <translation>Diese Datenbank wurde von einer neueren Slotdesk-Version angelegt (Schema %1; diese Version kennt bis %2). Bitte aktualisieren Sie Slotdesk.</translation>
    </message>
    <message>
        <source>The database update %1 is missing from this build.</source>
        <translation>Das Datenbank-Update %1 fehlt in dieser Programmversion.</translation>
    </message>
    <message>
        <source>The database could not be updated to version %1; it was left unchanged at version %2. (%3)</source>
        <translation>Die Datenbank konnte nicht auf Version %1 aktualisiert werden; sie bleibt unverändert auf Version %2. (%3)</translation>
    </message>
    <message>
        <source>The centre was not saved. Please correct the marked fields.</source>
        <translation>Das Zentrum wurde nicht gespeichert. Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>A centre named &quot;%1&quot; already exists.</source>
        <translation>Es gibt bereits ein Zentrum mit dem Namen „%1“.</translation>
    </message>
    <message>
        <source>The centre &quot;%1&quot; no longer exists.</source>
        <translation>Das Zentrum „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The centre &quot;%1&quot; was changed elsewhere after you opened it. Reload it and enter your changes again.</source>
        <translation>Das Zentrum „%1“ wurde an anderer Stelle geändert, nachdem Sie es geöffnet haben. Laden Sie es neu und geben Sie Ihre Änderungen erneut ein.</translation>
    </message>
    <message>
        <source>The centre no longer exists.</source>
        <translation>Das Zentrum existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The centre &quot;%1&quot; already has appointments or check-ins and cannot be deleted. Deactivate it instead; its history is kept.</source>
        <translation>Das Zentrum „%1“ hat bereits Termine oder Check-ins und kann nicht gelöscht werden. Deaktivieren Sie es stattdessen; sein Verlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>The centre &quot;%1&quot; is still referenced by other data and cannot be deleted. Deactivate it instead.</source>
        <translation>Auf das Zentrum „%1“ verweisen noch andere Daten; es kann nicht gelöscht werden. Deaktivieren Sie es stattdessen.</translation>
    </message>
    <message>
        <source>Nothing was imported. Please correct the listed rows.</source>
        <translation>Es wurde nichts importiert. Bitte korrigieren Sie die aufgeführten Zeilen.</translation>
    </message>
    <message>
        <source>The centre with the number %1 no longer exists.</source>
        <translation>Das Zentrum mit der Nummer %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The opening hours were not saved. Please correct the marked entries.</source>
        <translation>Die Öffnungszeiten wurden nicht gespeichert. Bitte korrigieren Sie die markierten Einträge.</translation>
    </message>
    <message>
        <source>There is no centre named &quot;%1&quot;. Import or create the centre first.</source>
        <translation>Es gibt kein Zentrum mit dem Namen „%1“. Importieren oder legen Sie das Zentrum zuerst an.</translation>
    </message>
    <message>
        <source>The centre no longer exists in the local store.</source>
        <translation>Das Zentrum existiert im lokalen Speicher nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Times must lie between 00:00 and 24:00.</source>
        <translation>Uhrzeiten müssen zwischen 00:00 und 24:00 liegen.</translation>
    </message>
    <message>
        <source>The end time must be after the start time.</source>
        <translation>Die Endzeit muss nach der Anfangszeit liegen.</translation>
    </message>
    <message>
        <source>Please enter a name for the centre.</source>
        <translation>Bitte geben Sie einen Namen für das Zentrum ein.</translation>
    </message>
    <message>
        <source>The name must not be longer than %1 characters.</source>
        <translation>Der Name darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A centre named &quot;%1&quot; already exists.</source>
        <translation>Es gibt bereits ein Zentrum mit dem Namen „%1“.</translation>
    </message>
    <message>
        <source>The postcode must consist of exactly five digits.</source>
        <translation>Die Postleitzahl muss aus genau fünf Ziffern bestehen.</translation>
    </message>
    <message>
        <source>Please choose at least one service.</source>
        <translation>Bitte wählen Sie mindestens eine Leistung aus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known service.</source>
        <translation>„%1“ ist keine bekannte Leistung.</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; is listed twice.</source>
        <translation>Die Leistung „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>A test centre cannot offer vaccinations (%1). Remove the service or make the centre a vaccination centre.</source>
        <translation>Ein Testzentrum kann keine Impfungen anbieten (%1). Entfernen Sie die Leistung oder machen Sie das Zentrum zu einem Impfzentrum.</translation>
    </message>
    <message>
        <source>A vaccination centre cannot offer tests (%1). Remove the service or make the centre a test centre.</source>
        <translation>Ein Impfzentrum kann keine Tests anbieten (%1). Entfernen Sie die Leistung oder machen Sie das Zentrum zu einem Testzentrum.</translation>
    </message>
    <message>
        <source>The phone number must not be longer than %1 characters.</source>
        <translation>Die Telefonnummer darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The phone number may only contain digits, spaces and the characters + / - ( ).</source>
        <translation>Die Telefonnummer darf nur Ziffern, Leerzeichen und die Zeichen + / - ( ) enthalten.</translation>
    </message>
    <message>
        <source>The phone number must contain at least %1 digits.</source>
        <translation>Die Telefonnummer muss mindestens %1 Ziffern enthalten.</translation>
    </message>
    <message>
        <source>The weekday must be between 1 (Monday) and 7 (Sunday).</source>
        <translation>Der Wochentag muss zwischen 1 (Montag) und 7 (Sonntag) liegen.</translation>
    </message>
    <message>
        <source>The break from %1 to %2 overlaps with the break from %3 to %4 on %5.</source>
        <translation>Die Pause von %1 bis %2 überschneidet sich am %5 mit der Pause von %3 bis %4.</translation>
    </message>
    <message>
        <source>The opening hours from %1 to %2 overlap with the opening hours from %3 to %4 on %5.</source>
        <translation>Die Öffnungszeit von %1 bis %2 überschneidet sich am %5 mit der Öffnungszeit von %3 bis %4.</translation>
    </message>
    <message>
        <source>The break from %1 to %2 on %3 does not lie within the opening hours of that day.</source>
        <translation>Die Pause von %1 bis %2 am %3 liegt nicht innerhalb der Öffnungszeiten dieses Tages.</translation>
    </message>
    <message>
        <source>Please enter a valid first and last day for the closure.</source>
        <translation>Bitte geben Sie einen gültigen ersten und letzten Tag für die Schließung ein.</translation>
    </message>
    <message>
        <source>The last day of a closure (%1) must not be before its first day (%2).</source>
        <translation>Der letzte Tag einer Schließung (%1) darf nicht vor ihrem ersten Tag (%2) liegen.</translation>
    </message>
    <message>
        <source>A closure cannot lie in the past.</source>
        <translation>Eine Schließung kann nicht in der Vergangenheit liegen.</translation>
    </message>
    <message>
        <source>The closure from %1 to %2 overlaps with the closure from %3 to %4.</source>
        <translation>Die Schließung vom %1 bis %2 überschneidet sich mit der Schließung vom %3 bis %4.</translation>
    </message>
    <message>
        <source>Please enter a valid date for the special day.</source>
        <translation>Bitte geben Sie ein gültiges Datum für den Sondertag ein.</translation>
    </message>
    <message>
        <source>The special day %1 needs at least one opening interval; enter a closure for a day without opening hours.</source>
        <translation>Der Sondertag %1 braucht mindestens eine Öffnungszeit; tragen Sie für einen Tag ohne Öffnungszeiten eine Schließung ein.</translation>
    </message>
    <message>
        <source>There is already a special day on %1.</source>
        <translation>Am %1 gibt es bereits einen Sondertag.</translation>
    </message>
    <message>
        <source>Please enter the street and house number.</source>
        <translation>Bitte geben Sie Straße und Hausnummer ein.</translation>
    </message>
    <message>
        <source>Please enter the city.</source>
        <translation>Bitte geben Sie den Ort ein.</translation>
    </message>
    <message>
        <source>The number of lanes must be between 1 and %1.</source>
        <translation>Die Anzahl der Test- bzw. Impfstraßen muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>Capacity must be at least 1 person per lane and slot.</source>
        <translation>Die Kapazität muss mindestens 1 Person pro Straße und Zeitfenster betragen.</translation>
    </message>
    <message>
        <source>Capacity must not exceed %1 persons per lane and slot.</source>
        <translation>Die Kapazität darf höchstens %1 Personen pro Straße und Zeitfenster betragen.</translation>
    </message>
    <message>
        <source>The slot length must be between %1 and %2 minutes and a multiple of 5 minutes.</source>
        <translation>Die Länge eines Zeitfensters muss zwischen %1 und %2 Minuten liegen und ein Vielfaches von 5 Minuten sein.</translation>
    </message>
</context>
<context>
    <name>slotdesk::CalendarHeatmap</name>
    <message>
        <source>Slot plan calendar</source>
        <translation>Kalender des Terminplans</translation>
    </message>
    <message>
        <source>Slots per day</source>
        <translation>Termine pro Tag</translation>
    </message>
    <message>
        <source>Colour scale</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>Places per day:</source>
        <translation>Plätze pro Tag:</translation>
    </message>
    <message>
        <source>from 0 to %1 places</source>
        <translation>von 0 bis %1 Plätze</translation>
    </message>
</context>
<context>
    <name>slotdesk::CentreDialog</name>
    <message>
        <source>Add centre</source>
        <translation>Zentrum anlegen</translation>
    </message>
    <message>
        <source>Edit centre &quot;%1&quot;</source>
        <translation>Zentrum „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>e.g. Testzentrum Mitte</source>
        <translation>z. B. Testzentrum Mitte</translation>
    </message>
    <message>
        <source>Street and house number</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>5 digits</source>
        <translation>5 Ziffern</translation>
    </message>
    <message>
        <source>e.g. 030 1234567</source>
        <translation>z. B. 030 1234567</translation>
    </message>
    <message>
        <source>Test centre</source>
        <translation>Testzentrum</translation>
    </message>
    <message>
        <source>Vaccination centre</source>
        <translation>Impfzentrum</translation>
    </message>
    <message>
        <source>How many persons one lane serves in one slot.</source>
        <translation>Wie viele Personen eine Test- bzw. Impfstraße in einem Zeitfenster bedient.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>P&amp;LZ:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>&amp;Lanes:</source>
        <translation>Test-/&amp;Impfstraßen:</translation>
    </message>
    <message>
        <source>Pe&amp;rsons per lane and slot:</source>
        <translation>Pe&amp;rsonen pro Straße und Zeitfenster:</translation>
    </message>
    <message>
        <source>&amp;Default slot length:</source>
        <translation>Standard-&amp;Zeitfensterlänge:</translation>
    </message>
    <message>
        <source>Services offered</source>
        <translation>Angebotene Leistungen</translation>
    </message>
    <message>
        <source>The list shows the services that suit the kind of centre.</source>
        <translation>Die Liste zeigt die Leistungen, die zur Art des Zentrums passen.</translation>
    </message>
    <message>
        <source>The centre was not saved. Please correct the marked fields.</source>
        <translation>Das Zentrum wurde nicht gespeichert. Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
</context>
<context>
    <name>slotdesk::CentreOperations</name>
    <message>
        <source>The centre &quot;%1&quot; no longer exists.</source>
        <translation>Das Zentrum „%1“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; saved.</source>
        <translation>Zentrum „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; created again.</source>
        <translation>Zentrum „%1“ wieder angelegt.</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; removed.</source>
        <translation>Zentrum „%1“ entfernt.</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; reactivated.</source>
        <translation>Zentrum „%1“ reaktiviert.</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; deactivated; its history is kept.</source>
        <translation>Zentrum „%1“ deaktiviert; sein Verlauf bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>slotdesk::CentreTableModel</name>
    <message>
        <source>Test centre</source>
        <translation>Testzentrum</translation>
    </message>
    <message>
        <source>Vaccination centre</source>
        <translation>Impfzentrum</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n lane(s) with %1 person(s) each per slot</source>
        <translation>
            <numerusform>%n Straße mit je %1 Person(en) pro Zeitfenster</numerusform>
            <numerusform>%n Straßen mit je %1 Person(en) pro Zeitfenster</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>Straßen</translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation>Zeitfensterlänge</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Conflict with the service: %1</source>
        <translation>Konflikt mit dem Dienst: %1</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Veröffentlichung</translation>
    </message>
</context>
<context>
    <name>slotdesk::CentresPage</name>
    <message>
        <source>Show inac&amp;tive</source>
        <translation>&amp;Inaktive anzeigen</translation>
    </message>
    <message>
        <source>&amp;Add centre…</source>
        <translation>Zentrum &amp;anlegen …</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Opening h&amp;ours</source>
        <translation>Ö&amp;ffnungszeiten</translation>
    </message>
    <message>
        <source>No centres yet. Use &quot;Add centre&quot; to set up the first one, or import a list with File &gt; Import centres.</source>
        <translation>Noch keine Zentren. Legen Sie mit „Zentrum anlegen“ das erste an oder importieren Sie eine Liste über Datei &gt; Zentren importieren.</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>Zentren</translation>
    </message>
    <message>
        <source>Test and vaccination centres with their address, services and capacity. Deactivated centres stay listed with their history.</source>
        <translation>Test- und Impfzentren mit Adresse, Leistungen und Kapazität. Deaktivierte Zentren bleiben mit ihrem Verlauf aufgeführt.</translation>
    </message>
    <message>
        <source>Add a centre (%1)</source>
        <translation>Ein Zentrum anlegen (%1)</translation>
    </message>
    <message>
        <source>Edit the selected centre (Enter or double-click)</source>
        <translation>Das ausgewählte Zentrum bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>Deactivated centres get no new slots; their history is kept.</source>
        <translation>Deaktivierte Zentren erhalten keine neuen Zeitfenster; ihr Verlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>Edit the opening hours of the selected centre</source>
        <translation>Die Öffnungszeiten des ausgewählten Zentrums bearbeiten</translation>
    </message>
    <message>
        <source>Search name, address, service or phone</source>
        <translation>Name, Adresse, Leistung oder Telefon suchen</translation>
    </message>
    <message>
        <source>The centres could not be read: %1</source>
        <translation>Die Zentren konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; created.</source>
        <translation>Zentrum „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Centre &quot;%1&quot; saved.</source>
        <translation>Zentrum „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <source>Centres: %1 (%2 inactive)</source>
        <translation>Zentren: %1 (%2 inaktiv)</translation>
    </message>
    <message>
        <source>Centres: %1</source>
        <translation>Zentren: %1</translation>
    </message>
    <message>
        <source>%1 · shown: %2</source>
        <translation>%1 · angezeigt: %2</translation>
    </message>
    <message>
        <source>Loading centres…</source>
        <translation>Zentren werden geladen …</translation>
    </message>
    <message>
        <source>Search centres</source>
        <translation>Zentren suchen</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Publish a&amp;ll</source>
        <translation>A&amp;lle veröffentlichen</translation>
    </message>
    <message>
        <source>Publish the selected centres and their opening hours to the service</source>
        <translation>Die ausgewählten Zentren mit ihren Öffnungszeiten im Dienst veröffentlichen</translation>
    </message>
    <message>
        <source>Publish every centre that is not published as it is</source>
        <translation>Jedes Zentrum veröffentlichen, das nicht im aktuellen Stand veröffentlicht ist</translation>
    </message>
    <message numerus="yes">
        <source>%n centre(s) could not be published: %1</source>
        <translation>
            <numerusform>%n Zentrum konnte nicht veröffentlicht werden: %1</numerusform>
            <numerusform>%n Zentren konnten nicht veröffentlicht werden: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Publishing cancelled after %n centre(s).</source>
        <translation>
            <numerusform>Veröffentlichen nach %n Zentrum abgebrochen.</numerusform>
            <numerusform>Veröffentlichen nach %n Zentren abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n centre(s) published.</source>
        <translation>
            <numerusform>%n Zentrum veröffentlicht.</numerusform>
            <numerusform>%n Zentren veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The service&apos;s version was taken over.</source>
        <translation>Die Fassung des Dienstes wurde übernommen.</translation>
    </message>
    <message>
        <source>Every centre is published.</source>
        <translation>Alle Zentren sind veröffentlicht.</translation>
    </message>
    <message numerus="yes">
        <source>Publishing %n centre(s)…</source>
        <translation>
            <numerusform>%n Zentrum wird veröffentlicht …</numerusform>
            <numerusform>%n Zentren werden veröffentlicht …</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing centres to the service…</source>
        <translation>Zentren werden im Dienst veröffentlicht …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>The publish states could not be read: %1</source>
        <translation>Die Veröffentlichungsstände konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n centre(s) published, %1 in conflict with the service.</source>
        <translation>
            <numerusform>%n Zentrum veröffentlicht, %1 im Konflikt mit dem Dienst.</numerusform>
            <numerusform>%n Zentren veröffentlicht, %1 im Konflikt mit dem Dienst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n centre(s) not published: the new opening hours leave booked appointments outside.</source>
        <translation>
            <numerusform>%n Zentrum nicht veröffentlicht: Gebuchte Termine lägen außerhalb der neuen Öffnungszeiten.</numerusform>
            <numerusform>%n Zentren nicht veröffentlicht: Gebuchte Termine lägen außerhalb der neuen Öffnungszeiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening hours not published; the service is unchanged.</source>
        <translation>Öffnungszeiten nicht veröffentlicht; beim Dienst hat sich nichts geändert.</translation>
    </message>
</context>
<context>
    <name>slotdesk::CheckInPage</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Scan booking codes or type them: each answer appears at once, no click needed.</source>
        <translation>Buchungscodes scannen oder eintippen: Jede Antwort erscheint sofort, ohne Klick.</translation>
    </message>
    <message>
        <source>Scans today</source>
        <translation>Scans heute</translation>
    </message>
</context>
<context>
    <name>slotdesk::ClosuresModel</name>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Shown in the week preview and to staff</source>
        <translation>Wird in der Wochenvorschau und dem Personal angezeigt</translation>
    </message>
</context>
<context>
    <name>slotdesk::ComingSoonPage</name>
    <message>
        <source>Coming soon</source>
        <translation>Demnächst verfügbar</translation>
    </message>
    <message>
        <source>This part of Slotdesk is coming soon with a later release. Centres and opening hours can already be set up.</source>
        <translation>Dieser Teil von Slotdesk folgt mit einer späteren Version. Zentren und Öffnungszeiten können Sie schon jetzt einrichten.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ConnectionIndicator</name>
    <message>
        <source>Connection to the service</source>
        <translation>Verbindung zum Dienst</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <source>Online – signed in as %1 (%2)</source>
        <translation>Online – angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>slotdesk::ConsoleConnection</name>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Service…</source>
        <translation>&amp;Dienst …</translation>
    </message>
    <message>
        <source>Start a local service?</source>
        <translation>Lokalen Dienst starten?</translation>
    </message>
    <message>
        <source>No booking service is configured yet. Slotdesk can run one on this computer, with its data next to the console&apos;s, and sign you in as its administrator.

Start the local service now? You can enter the address of a central service later in Settings → Service.</source>
        <translation>Es ist noch kein Buchungsdienst eingerichtet. Slotdesk kann einen auf diesem Computer betreiben, mit seinen Daten neben denen der Konsole, und Sie als seine Administration anmelden.

Den lokalen Dienst jetzt starten? Die Adresse eines zentralen Dienstes können Sie später unter Einstellungen → Dienst eintragen.</translation>
    </message>
    <message>
        <source>Start &amp;local service</source>
        <translation>&amp;Lokalen Dienst starten</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>Starting the local service…</source>
        <translation>Der lokale Dienst wird gestartet …</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Signed out %1.</source>
        <translation>%1 abgemeldet.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again.</source>
        <translation>Ihre Anmeldung ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>slotdesk::CsvImportDialog</name>
    <message>
        <source>Import centres</source>
        <translation>Zentren importieren</translation>
    </message>
    <message>
        <source>Import opening hours</source>
        <translation>Öffnungszeiten importieren</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>Datei &amp;wählen …</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Line in the file</source>
        <translation>Zeile in der Datei</translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation>&amp;Probleme:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV-Datei wählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen …</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2. Nothing was imported.</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The file is not a readable CSV file (line %1: %2). Save it from the spreadsheet again as &quot;CSV UTF-8&quot; and choose it again.</source>
        <translation>Die Datei ist keine lesbare CSV-Datei (Zeile %1: %2). Speichern Sie sie aus der Tabellenkalkulation erneut als „CSV UTF-8“ und wählen Sie sie noch einmal.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Datei wird geprüft …</translation>
    </message>
    <message>
        <source>No problems found. Importing adds %1 new centres and updates %2.</source>
        <translation>Keine Probleme gefunden. Der Import legt %1 neue Zentren an und aktualisiert %2.</translation>
    </message>
    <message>
        <source>No problems found. Importing replaces the opening hours of %1 centres (%2 of them already have hours).</source>
        <translation>Keine Probleme gefunden. Der Import ersetzt die Öffnungszeiten von %1 Zentren (%2 davon haben bereits Öffnungszeiten).</translation>
    </message>
    <message>
        <source>The file cannot be checked: %1</source>
        <translation>Die Datei kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Problems found: %1. Correct the file and choose it again; nothing is imported until every row is valid.</source>
        <translation>Gefundene Probleme: %1. Korrigieren Sie die Datei und wählen Sie sie erneut; importiert wird erst, wenn jede Zeile gültig ist.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Line %1, %2</source>
        <translation>Zeile %1, %2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Problems: none</source>
        <translation>&amp;Probleme: keine</translation>
    </message>
    <message>
        <source>&amp;Problems: %1</source>
        <translation>&amp;Probleme: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft …</translation>
    </message>
    <message>
        <source>Importing the file…</source>
        <translation>Datei wird importiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>Der Import wurde abgebrochen. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Import complete: %1 added, %2 updated.</source>
        <translation>Import abgeschlossen: %1 hinzugefügt, %2 aktualisiert.</translation>
    </message>
    <message>
        <source>The import was refused. Nothing was imported.</source>
        <translation>Der Import wurde abgelehnt. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The import failed: %1 Nothing was imported.</source>
        <translation>Der Import ist fehlgeschlagen: %1 Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export centres</source>
        <translation>Zentren exportieren</translation>
    </message>
    <message>
        <source>Export opening hours</source>
        <translation>Öffnungszeiten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>Any existing file was left unchanged.</source>
        <translation>Eine vorhandene Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Preview of the file</source>
        <translation>Vorschau der Datei</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>slotdesk::HotlineBookingDialog</name>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Hotline booking</source>
        <translation>Hotline-Buchung</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
    <message>
        <source>Booking code</source>
        <translation>Buchungscode</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>&amp;Freigabe:</translation>
    </message>
    <message>
        <source>&amp;Centre:</source>
        <translation>&amp;Zentrum:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Leistung:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>S&amp;lot:</source>
        <translation>T&amp;ermin:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Rufnummer:</translation>
    </message>
    <message>
        <source>No release is open: there is nothing to book.</source>
        <translation>Keine Freigabe ist geöffnet: Es gibt nichts zu buchen.</translation>
    </message>
    <message>
        <source>%1 (%2 free online)</source>
        <translation>%1 (%2 online frei)</translation>
    </message>
    <message>
        <source>No bookable slot on this day.</source>
        <translation>An diesem Tag gibt es keinen buchbaren Termin.</translation>
    </message>
    <message>
        <source>Choose a slot.</source>
        <translation>Wählen Sie einen Termin.</translation>
    </message>
    <message>
        <source>Enter the family name.</source>
        <translation>Geben Sie den Nachnamen ein.</translation>
    </message>
    <message>
        <source>Enter the given name.</source>
        <translation>Geben Sie den Vornamen ein.</translation>
    </message>
    <message>
        <source>Enter a phone number to reach the caller.</source>
        <translation>Geben Sie eine Telefonnummer an, unter der die anrufende Person erreichbar ist.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Wird gebucht …</translation>
    </message>
    <message>
        <source>Booked. Read the code out to the caller: %1</source>
        <translation>Gebucht. Lesen Sie der anrufenden Person den Code vor: %1</translation>
    </message>
</context>
<context>
    <name>slotdesk::HoursImpactDialog</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Change &amp;anyway</source>
        <translation>Trotzdem &amp;ändern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) affected: %1</source>
        <translation>
            <numerusform>%n betroffene Buchung: %1</numerusform>
            <numerusform>%n betroffene Buchungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new opening hours of &quot;%1&quot; leave %n booked appointment(s) outside. The appointments are kept and nobody is informed automatically: export the list and contact these people. Free places outside the new hours are withdrawn.</source>
        <translation>
            <numerusform>Nach den neuen Öffnungszeiten von „%1“ liegt %n gebuchter Termin außerhalb der Öffnungszeit. Der Termin bleibt bestehen, und niemand wird automatisch benachrichtigt: Exportieren Sie die Liste und melden Sie sich bei der Person. Freie Plätze außerhalb der neuen Zeiten werden zurückgezogen.</numerusform>
            <numerusform>Nach den neuen Öffnungszeiten von „%1“ liegen %n gebuchte Termine außerhalb der Öffnungszeit. Die Termine bleiben bestehen, und niemand wird automatisch benachrichtigt: Exportieren Sie die Liste und melden Sie sich bei diesen Personen. Freie Plätze außerhalb der neuen Zeiten werden zurückgezogen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Affected bookings</source>
        <translation>Betroffene Buchungen</translation>
    </message>
    <message>
        <source>Publish the new opening hours; the listed appointments stay.</source>
        <translation>Die neuen Öffnungszeiten veröffentlichen; die aufgeführten Termine bleiben bestehen.</translation>
    </message>
    <message>
        <source>Change nothing on the service.</source>
        <translation>Beim Dienst nichts ändern.</translation>
    </message>
    <message>
        <source>Export the affected bookings as CSV</source>
        <translation>Betroffene Buchungen als CSV exportieren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Export affected bookings</source>
        <translation>Betroffene Buchungen exportieren</translation>
    </message>
    <message>
        <source>affected-bookings.csv</source>
        <translation>betroffene-buchungen.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>The list could not be written: %1</source>
        <translation>Die Liste konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>slotdesk::HoursListEditor</name>
    <message>
        <source>Add a row (Insert)</source>
        <translation>Eine Zeile hinzufügen (Einfg)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected rows (Delete)</source>
        <translation>Die ausgewählten Zeilen entfernen (Entf)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>slotdesk::LocalService</name>
    <message>
        <source>The local service ended before it was ready: %1</source>
        <translation>Der lokale Dienst wurde beendet, bevor er bereit war: %1</translation>
    </message>
    <message>
        <source>The local service has stopped: %1</source>
        <translation>Der lokale Dienst wurde beendet: %1</translation>
    </message>
    <message>
        <source>The local service could not be started: %1</source>
        <translation>Der lokale Dienst konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The local service is already running.</source>
        <translation>Der lokale Dienst läuft bereits.</translation>
    </message>
    <message>
        <source>The program %1 was not found next to the console nor on the PATH. Install it, or build it with the console.</source>
        <translation>Das Programm %1 wurde weder neben der Konsole noch im PATH gefunden. Installieren Sie es oder bauen Sie es mit der Konsole.</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be created.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The local admin password in %1 cannot be read: %2</source>
        <translation>Das lokale Admin-Passwort in %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The local admin password cannot be stored in %1: %2</source>
        <translation>Das lokale Admin-Passwort kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The admin account of the local service could not be created: %1</source>
        <translation>Das Admin-Konto des lokalen Dienstes konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The local service did not start within %1 seconds.</source>
        <translation>Der lokale Dienst ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>The local service answered unexpectedly: %1</source>
        <translation>Der lokale Dienst hat unerwartet geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>slotdesk::MainWindow</name>
    <message>
        <source>Slotdesk</source>
        <translation>Slotdesk</translation>
    </message>
    <message>
        <source>Slot release</source>
        <translation>Terminfreigabe</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Live bookings</source>
        <translation>Live-Buchungen</translation>
    </message>
    <message>
        <source>Follow bookings and free capacity as they happen.</source>
        <translation>Buchungen und freie Kapazität live verfolgen.</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>Zentren</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Test and vaccination centres</source>
        <translation>Test- und Impfzentren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Import centres…</source>
        <translation>Zentren &amp;importieren …</translation>
    </message>
    <message>
        <source>Import &amp;opening hours…</source>
        <translation>Ö&amp;ffnungszeiten importieren …</translation>
    </message>
    <message>
        <source>&amp;Export centres…</source>
        <translation>Zentren &amp;exportieren …</translation>
    </message>
    <message>
        <source>E&amp;xport opening hours…</source>
        <translation>Öffnungszeiten e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Slotdesk</source>
        <translation>&amp;Über Slotdesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Automatic (system language)</source>
        <translation>&amp;Automatisch (Systemsprache)</translation>
    </message>
    <message>
        <source>The database this console works on</source>
        <translation>Die Datenbank, mit der diese Konsole arbeitet</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; could not be opened: %2

Slotdesk will close now. Check the file, or start Slotdesk with --data-dir and another directory.</source>
        <translation>Die Datenbank „%1“ konnte nicht geöffnet werden: %2

Slotdesk wird jetzt beendet. Prüfen Sie die Datei oder starten Sie Slotdesk mit --data-dir und einem anderen Verzeichnis.</translation>
    </message>
    <message>
        <source>Database not available</source>
        <translation>Datenbank nicht verfügbar</translation>
    </message>
    <message>
        <source>Database opened.</source>
        <translation>Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Import centres</source>
        <translation>Zentren importieren</translation>
    </message>
    <message>
        <source>Import opening hours</source>
        <translation>Öffnungszeiten importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The language changes the next time Slotdesk starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Slotdesk.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>About Slotdesk</source>
        <translation>Über Slotdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Slotdesk %1&lt;/h3&gt;&lt;p&gt;The console for test and vaccination centres: centres, opening hours, slot release, check-in and live bookings.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Slotdesk %1&lt;/h3&gt;&lt;p&gt;Die Konsole für Test- und Impfzentren: Zentren, Öffnungszeiten, Terminfreigabe, Check-in und Live-Buchungen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Slot plan</source>
        <translation>Terminplan</translation>
    </message>
</context>
<context>
    <name>slotdesk::OpeningHoursPage</name>
    <message>
        <source>&amp;Centre:</source>
        <translation>&amp;Zentrum:</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Discard the unsaved changes</source>
        <translation>Die ungespeicherten Änderungen verwerfen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Check and store the opening hours (Ctrl+S)</source>
        <translation>Öffnungszeiten prüfen und speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save opening hours</source>
        <translation>Öffnungszeiten speichern</translation>
    </message>
    <message>
        <source>● Unsaved changes</source>
        <translation>● Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>&amp;Add interval</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Replace the intervals of Tuesday to Friday with copies of Monday&apos;s</source>
        <translation>Die Zeiträume von Dienstag bis Freitag durch Kopien der Montagszeiten ersetzen</translation>
    </message>
    <message>
        <source>No weekly opening hours yet.
Add an interval with the button below or the Insert key; a break is an interval of kind Break.</source>
        <translation>Noch keine wöchentlichen Öffnungszeiten.
Fügen Sie mit der Schaltfläche unten oder der Einfg-Taste einen Zeitraum hinzu; eine Pause ist ein Zeitraum der Art „Pause“.</translation>
    </message>
    <message>
        <source>&amp;Add closure</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Add special day</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>No closures.
Add one for holidays, renovation or days without vaccine.</source>
        <translation>Keine Schließungen.
Fügen Sie eine für Feiertage, Umbauten oder Tage ohne Impfstoff hinzu.</translation>
    </message>
    <message>
        <source>No special days.
Add one for a day with other hours than usual, e.g. Christmas Eve 08:00-12:00.</source>
        <translation>Keine Sondertage.
Fügen Sie einen für einen Tag mit abweichenden Zeiten hinzu, z. B. Heiligabend 08:00-12:00.</translation>
    </message>
    <message>
        <source>&amp;Weekly hours</source>
        <translation>&amp;Wochenzeiten</translation>
    </message>
    <message>
        <source>Cl&amp;osures</source>
        <translation>Sc&amp;hließungen</translation>
    </message>
    <message>
        <source>S&amp;pecial days</source>
        <translation>So&amp;ndertage</translation>
    </message>
    <message>
        <source>Unsaved opening hours</source>
        <translation>Ungespeicherte Öffnungszeiten</translation>
    </message>
    <message>
        <source>The opening hours of %1 have unsaved changes.</source>
        <translation>Die Öffnungszeiten von %1 haben ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Save them before showing %1?</source>
        <translation>Vor dem Anzeigen von %1 speichern?</translation>
    </message>
    <message>
        <source>Could not load the opening hours: %1</source>
        <translation>Die Öffnungszeiten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not load the centres: %1</source>
        <translation>Die Zentren konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>The stored opening hours of this centre changed while you were editing. Save keeps your edits; Revert shows the stored hours.</source>
        <translation>Die gespeicherten Öffnungszeiten dieses Zentrums wurden geändert, während Sie bearbeitet haben. „Speichern“ behält Ihre Änderungen; „Verwerfen“ zeigt die gespeicherten Zeiten.</translation>
    </message>
    <message>
        <source>Edit opening hours of %1</source>
        <translation>Öffnungszeiten von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Enter the open hours as intervals, e.g. 08:00-12:00, 13:00-15:00.</source>
        <translation>Geben Sie die Öffnungszeiten als Zeiträume ein, z. B. 08:00-12:00, 13:00-15:00.</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked rows.</source>
        <translation>Nicht gespeichert: Bitte korrigieren Sie die markierten Zeilen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Could not restore the opening hours: %1</source>
        <translation>Die Öffnungszeiten konnten nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Revert opening hours of %1</source>
        <translation>Öffnungszeiten von %1 verwerfen</translation>
    </message>
    <message>
        <source>Changes reverted.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <source>Save opening hours of %1</source>
        <translation>Öffnungszeiten von %1 speichern</translation>
    </message>
    <message>
        <source>Copy &amp;Monday to Tue-Fri</source>
        <translation>&amp;Montag auf Di–Fr</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n interval(s) of Monday to Tuesday through Friday.</source>
        <translation>
            <numerusform>%n Zeitraum vom Montag auf Dienstag bis Freitag kopiert.</numerusform>
            <numerusform>%n Zeiträume vom Montag auf Dienstag bis Freitag kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>Opening hours lists</source>
        <translation>Listen der Öffnungszeiten</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Wochenzeiten</translation>
    </message>
    <message>
        <source>Closures</source>
        <translation>Schließungen</translation>
    </message>
    <message>
        <source>Special days</source>
        <translation>Sondertage</translation>
    </message>
</context>
<context>
    <name>slotdesk::PublishConflictDialog</name>
    <message>
        <source>Test centre</source>
        <translation>Testzentrum</translation>
    </message>
    <message>
        <source>Vaccination centre</source>
        <translation>Impfzentrum</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>Straßen</translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation>Zeitfensterlänge</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Publishing conflict: %1</source>
        <translation>Konflikt beim Veröffentlichen: %1</translation>
    </message>
    <message>
        <source>The service did not take the local version of &quot;%1&quot;: %2
Choose which version should apply.</source>
        <translation>Der Dienst hat die lokale Fassung von „%1“ nicht übernommen: %2
Wählen Sie, welche Fassung gelten soll.</translation>
    </message>
    <message>
        <source>Local and service version</source>
        <translation>Lokale Fassung und Fassung des Dienstes</translation>
    </message>
    <message>
        <source>Publish the local version again; it replaces the service&apos;s.</source>
        <translation>Die lokale Fassung erneut veröffentlichen; sie ersetzt die des Dienstes.</translation>
    </message>
    <message>
        <source>Write the service&apos;s version into the local centre.</source>
        <translation>Die Fassung des Dienstes in das lokale Zentrum übernehmen.</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>&amp;Später entscheiden</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Service (not known)</source>
        <translation>Dienst (nicht bekannt)</translation>
    </message>
    <message>
        <source>&amp;Keep local version</source>
        <translation>&amp;Lokale Fassung veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Take service version</source>
        <translation>Fassung des &amp;Dienstes übernehmen</translation>
    </message>
</context>
<context>
    <name>slotdesk::ReleaseBookingsDialog</name>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Booked appointments of the release</source>
        <translation>Gebuchte Termine der Freigabe</translation>
    </message>
    <message>
        <source>Booked appointments</source>
        <translation>Gebuchte Termine</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Reading the bookings…</source>
        <translation>Buchungen werden gelesen …</translation>
    </message>
    <message>
        <source>No appointments are booked in this release.</source>
        <translation>In dieser Freigabe sind keine Termine gebucht.</translation>
    </message>
    <message>
        <source>%1 booked appointments: contact these people.</source>
        <translation>%1 gebuchte Termine: Bitte benachrichtigen Sie diese Personen.</translation>
    </message>
    <message>
        <source>Export bookings as CSV</source>
        <translation>Buchungen als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>The bookings are saved in %1.</source>
        <translation>Die Buchungen sind in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>Die Datei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>slotdesk::ReleaseTableModel</name>
    <message>
        <source>scheduled</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>ausgebucht</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>Zentren</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Öffnet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Remaining / total</source>
        <translation>Frei / gesamt</translation>
    </message>
</context>
<context>
    <name>slotdesk::ReleaseWizard</name>
    <message>
        <source>Release slots</source>
        <translation>Termine freigeben</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>What is released</source>
        <translation>Was freigegeben wird</translation>
    </message>
    <message>
        <source>Centres, services and days from the slot plan on this page.</source>
        <translation>Zentren, Leistungen und Tage aus dem Terminplan dieser Seite.</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>Zentren</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>all places</source>
        <translation>alle Plätze</translation>
    </message>
    <message>
        <source>Places per slot</source>
        <translation>Plätze je Termin</translation>
    </message>
    <message>
        <source>Selected slots</source>
        <translation>Gewählte Termine</translation>
    </message>
    <message>
        <source>Cent&amp;res:</source>
        <translation>&amp;Zentren:</translation>
    </message>
    <message>
        <source>Serv&amp;ices:</source>
        <translation>&amp;Leistungen:</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Tage:</translation>
    </message>
    <message>
        <source>&amp;Places per slot:</source>
        <translation>&amp;Plätze je Termin:</translation>
    </message>
    <message>
        <source>When it opens</source>
        <translation>Wann sie öffnet</translation>
    </message>
    <message>
        <source>Citizens can book from the opening time on; the service opens the release by itself, to the second.</source>
        <translation>Ab dem Öffnungszeitpunkt können Bürgerinnen und Bürger buchen; der Dienst öffnet die Freigabe selbst, auf die Sekunde genau.</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Sofort</translation>
    </message>
    <message>
        <source>&amp;Announced for:</source>
        <translation>&amp;Angekündigt für:</translation>
    </message>
    <message>
        <source>Opening time</source>
        <translation>Öffnungszeitpunkt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Opens:</source>
        <translation>Öffnet:</translation>
    </message>
    <message>
        <source>Opening &amp;time:</source>
        <translation>Öffnungs&amp;zeitpunkt:</translation>
    </message>
    <message>
        <source>Who may book</source>
        <translation>Wer buchen darf</translation>
    </message>
    <message>
        <source>Age on the appointment day, priority groups, invitations and the share kept back for the hotline.</source>
        <translation>Alter am Termintag, Prioritätsgruppen, Einladungen und der für die Hotline zurückgehaltene Anteil.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <source>Age from</source>
        <translation>Alter ab</translation>
    </message>
    <message>
        <source>Age to</source>
        <translation>Alter bis</translation>
    </message>
    <message>
        <source>e.g. Pflege, Lehrkräfte (separated by commas)</source>
        <translation>z. B. Pflege, Lehrkräfte (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Invitation &amp;only</source>
        <translation>Nur mit &amp;Einladung</translation>
    </message>
    <message>
        <source>Age &amp;from:</source>
        <translation>Alter &amp;ab:</translation>
    </message>
    <message>
        <source>Age &amp;to:</source>
        <translation>Alter &amp;bis:</translation>
    </message>
    <message>
        <source>Priority &amp;groups:</source>
        <translation>Prioritäts&amp;gruppen:</translation>
    </message>
    <message>
        <source>Invitation &amp;codes:</source>
        <translation>Einladungs&amp;codes:</translation>
    </message>
    <message>
        <source>&amp;Hotline share:</source>
        <translation>&amp;Hotline-Anteil:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the release and what citizens will see, then publish.</source>
        <translation>Prüfen Sie die Freigabe und was Bürgerinnen und Bürger sehen werden, dann veröffentlichen Sie.</translation>
    </message>
    <message>
        <source>Vaccine forecast</source>
        <translation>Impfstoffprognose</translation>
    </message>
    <message>
        <source>Citizen preview</source>
        <translation>Vorschau für Bürgerinnen und Bürger</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Save invitation &amp;codes…</source>
        <translation>Einladungs&amp;codes speichern …</translation>
    </message>
    <message>
        <source>Save invitation codes</source>
        <translation>Einladungscodes speichern</translation>
    </message>
    <message>
        <source>The codes to hand out to the invited people. Save them before publishing: the wizard closes once the release is published.</source>
        <translation>Die Codes für die eingeladenen Personen. Speichern Sie sie vor dem Veröffentlichen: Der Assistent schließt sich, sobald die Freigabe veröffentlicht ist.</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>What citizens will see:</source>
        <translation>Was Bürgerinnen und Bürger sehen:</translation>
    </message>
    <message>
        <source>%1 slots with %2 places</source>
        <translation>%1 Termine mit %2 Plätzen</translation>
    </message>
    <message>
        <source>Bookable now</source>
        <translation>Ab sofort buchbar</translation>
    </message>
    <message>
        <source>Bookable from %1</source>
        <translation>Buchbar ab %1</translation>
    </message>
    <message>
        <source>  %1: %2, appointments between %3 and %4</source>
        <translation>  %1: %2, Termine zwischen %3 und %4</translation>
    </message>
    <message>
        <source>No vaccine in this release: no forecast limit applies.</source>
        <translation>Kein Impfstoff in dieser Freigabe: Es gilt keine Prognosegrenze.</translation>
    </message>
    <message>
        <source>Reading the delivery forecasts…</source>
        <translation>Lieferprognosen werden gelesen …</translation>
    </message>
    <message>
        <source>The forecasts could not be read: %1</source>
        <translation>Die Prognosen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 invitation codes are saved in %2.</source>
        <translation>%1 Einladungscodes sind in %2 gespeichert.</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>Die Datei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht …</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>Veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ReleasesPanel</name>
    <message>
        <source>&amp;New release…</source>
        <translation>&amp;Neue Freigabe …</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Zurückziehen …</translation>
    </message>
    <message>
        <source>&amp;Hotline booking…</source>
        <translation>&amp;Hotline-Buchung …</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>New release</source>
        <translation>Neue Freigabe</translation>
    </message>
    <message>
        <source>Withdraw release</source>
        <translation>Freigabe zurückziehen</translation>
    </message>
    <message>
        <source>Hotline booking</source>
        <translation>Hotline-Buchung</translation>
    </message>
    <message>
        <source>Refresh releases</source>
        <translation>Freigaben aktualisieren</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Only administrators release and withdraw slots.</source>
        <translation>Nur Administratoren geben Termine frei und ziehen sie zurück.</translation>
    </message>
    <message>
        <source>Release slots of the plan to citizens</source>
        <translation>Termine des Plans für Bürgerinnen und Bürger freigeben</translation>
    </message>
    <message>
        <source>Withdraw the selected release&apos;s free places</source>
        <translation>Die freien Plätze der gewählten Freigabe zurückziehen</translation>
    </message>
    <message>
        <source>Sign in to see the service&apos;s releases.</source>
        <translation>Melden Sie sich an, um die Freigaben des Dienstes zu sehen.</translation>
    </message>
    <message>
        <source>%1 releases, as of %2</source>
        <translation>%1 Freigaben, Stand %2</translation>
    </message>
    <message>
        <source>The release is published.</source>
        <translation>Die Freigabe ist veröffentlicht.</translation>
    </message>
    <message>
        <source>Withdraw the release &quot;%1&quot;?

%2 free places disappear at once. Booked appointments stay (%3); they are listed afterwards so that you can contact the people.</source>
        <translation>Die Freigabe „%1“ zurückziehen?

%2 freie Plätze verschwinden sofort. Gebuchte Termine bleiben bestehen (%3); sie werden danach aufgelistet, damit Sie die Personen erreichen können.</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Withdrawn: %1 free places removed, %2 booked appointments kept.</source>
        <translation>Zurückgezogen: %1 freie Plätze entfernt, %2 gebuchte Termine bleiben.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ServiceSettingsDialog</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Run the service on this &amp;computer (local service)</source>
        <translation>Den Dienst auf diesem &amp;Computer betreiben (lokaler Dienst)</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Adresse des Dienstes</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation>Hinterlegtes Zertifikat (SHA-256)</translation>
    </message>
    <message>
        <source>empty: trust the system&apos;s certificate authorities</source>
        <translation>leer: den Zertifizierungsstellen des Systems vertrauen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Result of the connection test</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Certificate (SHA-256):</source>
        <translation>&amp;Zertifikat (SHA-256):</translation>
    </message>
    <message>
        <source>Enter the service&apos;s address, e.g. https://slotdesk.example.de or http://127.0.0.1:8080.</source>
        <translation>Geben Sie die Adresse des Dienstes ein, z. B. https://slotdesk.example.de oder http://127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint has 64 hexadecimal digits (colons allowed).</source>
        <translation>Ein SHA-256-Fingerabdruck hat 64 Hexadezimalziffern (Doppelpunkte erlaubt).</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Connection works (%1).</source>
        <translation>Verbindung funktioniert (%1).</translation>
    </message>
</context>
<context>
    <name>slotdesk::SignInDialog</name>
    <message>
        <source>Sign in to the service</source>
        <translation>Beim Dienst anmelden</translation>
    </message>
    <message>
        <source>No service configured</source>
        <translation>Kein Dienst eingerichtet</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Please enter your login.</source>
        <translation>Bitte geben Sie Ihren Login ein.</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>Bitte geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>slotdesk::SlotPlanModel</name>
    <message>
        <source>%1: %2 slots, %3 places</source>
        <translation>%1: %2 Termine, %3 Plätze</translation>
    </message>
</context>
<context>
    <name>slotdesk::SlotPlanPage</name>
    <message>
        <source>&amp;Calculate plan</source>
        <translation>Plan be&amp;rechnen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Save &amp;plan</source>
        <translation>Plan s&amp;peichern</translation>
    </message>
    <message>
        <source>Slot release</source>
        <translation>Terminfreigabe</translation>
    </message>
    <message>
        <source>Plan settings</source>
        <translation>Planeinstellungen</translation>
    </message>
    <message>
        <source>Cent&amp;res:</source>
        <translation>&amp;Zentren:</translation>
    </message>
    <message>
        <source>Serv&amp;ices:</source>
        <translation>&amp;Leistungen:</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <source>Plan actions</source>
        <translation>Planaktionen</translation>
    </message>
    <message>
        <source>Calculate plan</source>
        <translation>Plan berechnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>Stores the plan on this computer as planned slots, not yet published</source>
        <translation>Speichert den Plan auf diesem Computer als geplante Termine, noch nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Service shown</source>
        <translation>Angezeigte Leistung</translation>
    </message>
    <message>
        <source>Plan totals</source>
        <translation>Summen des Plans</translation>
    </message>
    <message>
        <source>Selected day</source>
        <translation>Ausgewählter Tag</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Anzei&amp;gen:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Tick at least one centre to plan.</source>
        <translation>Bitte mindestens ein Zentrum zum Planen ankreuzen.</translation>
    </message>
    <message>
        <source>Tick at least one service to plan.</source>
        <translation>Bitte mindestens eine Leistung zum Planen ankreuzen.</translation>
    </message>
    <message>
        <source>Reading opening hours…</source>
        <translation>Öffnungszeiten werden gelesen …</translation>
    </message>
    <message>
        <source>Calculating the plan…</source>
        <translation>Plan wird berechnet …</translation>
    </message>
    <message>
        <source>Calculation cancelled. The plan shown is unchanged.</source>
        <translation>Berechnung abgebrochen. Der angezeigte Plan ist unverändert.</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Leistungen</translation>
    </message>
    <message>
        <source>The chosen centres have no open hours for these services and days.</source>
        <translation>Die gewählten Zentren haben an diesen Tagen für diese Leistungen keine Öffnungszeiten.</translation>
    </message>
    <message>
        <source>Plan calculated. Check it and save it with &quot;Save plan&quot;.</source>
        <translation>Plan berechnet. Bitte prüfen und mit „Plan speichern“ sichern.</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Plan wird gespeichert …</translation>
    </message>
    <message>
        <source>Saving cancelled. Nothing was saved.</source>
        <translation>Speichern abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>%1 planned slots saved on this computer (not yet published).</source>
        <translation>%1 geplante Termine auf diesem Computer gespeichert (noch nicht veröffentlicht).</translation>
    </message>
    <message>
        <source>No plan calculated yet.</source>
        <translation>Noch kein Plan berechnet.</translation>
    </message>
    <message>
        <source>Total: %1 slots, %2 places in %3 days</source>
        <translation>Summe: %1 Termine, %2 Plätze an %3 Tagen</translation>
    </message>
    <message>
        <source>Plan appointment slots from the opening hours, check them per day and release them to citizens with the release wizard.</source>
        <translation>Termine aus den Öffnungszeiten planen, je Tag prüfen und mit dem Freigabe-Assistenten für Bürgerinnen und Bürger freigeben.</translation>
    </message>
    <message>
        <source>Releases on the service</source>
        <translation>Freigaben beim Dienst</translation>
    </message>
</context>
<context>
    <name>slotdesk::SpecialDaysModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Open hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>One or more intervals, e.g. 08:00-12:00, 13:00-15:00</source>
        <translation>Ein oder mehrere Zeiträume, z. B. 08:00-12:00, 13:00-15:00</translation>
    </message>
</context>
<context>
    <name>slotdesk::UnsavedWorkGuard</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>There are unsaved changes on: %1.</source>
        <translation>Es gibt ungespeicherte Änderungen: %1.</translation>
    </message>
    <message>
        <source>Save them before closing Slotdesk?</source>
        <translation>Vor dem Beenden von Slotdesk speichern?</translation>
    </message>
</context>
<context>
    <name>slotdesk::VerdictPanel</name>
    <message>
        <source>Check-in result</source>
        <translation>Check-in-Ergebnis</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Bereit zum Scannen</translation>
    </message>
    <message>
        <source>Scan a booking code or QR code, or type the code and press Enter.</source>
        <translation>Buchungscode oder QR-Code scannen, oder den Code eintippen und Enter drücken.</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geb. %1</translation>
    </message>
</context>
<context>
    <name>slotdesk::WeekPreview</name>
    <message>
        <source>Week preview</source>
        <translation>Wochenvorschau</translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Vorige Woche (Alt+Links)</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Nächste Woche (Alt+Rechts)</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Any day of the week to preview</source>
        <translation>Ein beliebiger Tag der Woche, die angezeigt werden soll</translation>
    </message>
    <message>
        <source>Week %1: %2 h open, %3</source>
        <translation>KW %1: %2 Std. geöffnet, %3</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Day of the previewed week</source>
        <translation>Ein Tag der angezeigten Woche</translation>
    </message>
</context>
<context>
    <name>slotdesk::WeekTimeline</name>
    <message>
        <source>1 slot</source>
        <translation>1 Termin</translation>
    </message>
    <message>
        <source>%1 slots</source>
        <translation>%1 Termine</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Schließung</translation>
    </message>
    <message>
        <source>Closure: %1</source>
        <translation>Schließung: %1</translation>
    </message>
    <message>
        <source>Special hours</source>
        <translation>Sonderöffnungszeiten</translation>
    </message>
    <message>
        <source>Special: %1</source>
        <translation>Sondertag: %1</translation>
    </message>
    <message>
        <source>Clocks go forward: %1–%2 does not exist.</source>
        <translation>Zeitumstellung vor: %1–%2 gibt es nicht.</translation>
    </message>
    <message>
        <source>Clocks go back: %1–%2 happens twice.</source>
        <translation>Zeitumstellung zurück: %1–%2 gibt es zweimal.</translation>
    </message>
    <message>
        <source>clock change</source>
        <translation>Zeitumstellung</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Open (weekly hours)</source>
        <translation>Geöffnet (Wochenzeiten)</translation>
    </message>
    <message>
        <source>Special day</source>
        <translation>Sondertag</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Clock change</source>
        <translation>Zeitumstellung</translation>
    </message>
    <message>
        <source>Week timeline</source>
        <translation>Wochenzeitleiste</translation>
    </message>
    <message>
        <source>%1 h open, %2</source>
        <translation>%1 Std. geöffnet, %2</translation>
    </message>
</context>
<context>
    <name>slotdesk::WeeklyRulesModel</name>
    <message>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>An end time of 00:00 means midnight at the end of the day (24:00).</source>
        <translation>Die Endzeit 00:00 bedeutet Mitternacht am Ende des Tages (24:00).</translation>
    </message>
</context>
</TS>
