<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>CentreCsv</name>
        <message>
            <source>The column "%1" appears twice in the header.</source>
            <translation>Die Spalte „%1“ steht zweimal in der Kopfzeile.</translation>
        </message>
        <message>
            <source>The header line lacks the required columns: %1.</source>
            <translation>In der Kopfzeile fehlen die Pflichtspalten: %1.</translation>
        </message>
        <message>
            <source>"%1" is not a whole number.</source>
            <translation>„%1“ ist keine ganze Zahl.</translation>
        </message>
        <message>
            <source>The row has %1 fields, but the header has %2.</source>
            <translation>Die Zeile hat %1 Felder, die Kopfzeile aber %2.</translation>
        </message>
        <message>
            <source>"%1" is not a centre type; use "test" or "vaccination".</source>
            <translation>„%1“ ist keine Zentrumsart; verwenden Sie „test“ oder „vaccination“ (bzw. „Testzentrum“ oder „Impfzentrum“).</translation>
        </message>
        <message>
            <source>"%1" is not a known service.</source>
            <translation>„%1“ ist keine bekannte Leistung.</translation>
        </message>
        <message>
            <source>"%1" is not a valid value for active; use 1 or 0.</source>
            <translation>„%1“ ist kein gültiger Wert für „active“; verwenden Sie 1 oder 0 (ja/nein).</translation>
        </message>
        <message>
            <source>"%1" is not a valid start time; use HH:mm, for example 08:30.</source>
            <translation>„%1“ ist keine gültige Anfangszeit; verwenden Sie HH:mm, zum Beispiel 08:30.</translation>
        </message>
        <message>
            <source>"%1" is not a valid end time; use HH:mm, for example 18:00 or 24:00.</source>
            <translation>„%1“ ist keine gültige Endzeit; verwenden Sie HH:mm, zum Beispiel 18:00 oder 24:00.</translation>
        </message>
        <message>
            <source>The end time %1 must be after the start time %2.</source>
            <translation>Die Endzeit %1 muss nach der Anfangszeit %2 liegen.</translation>
        </message>
        <message>
            <source>"%1" is not a row type; use weekly, break, closure or special.</source>
            <translation>„%1“ ist keine Zeilenart; verwenden Sie weekly, break, closure oder special.</translation>
        </message>
        <message>
            <source>"%1" is not a weekday; use Mo to So or 1 to 7.</source>
            <translation>„%1“ ist kein Wochentag; verwenden Sie Mo bis So oder 1 bis 7.</translation>
        </message>
        <message>
            <source>"%1" is not a valid date; use dd.MM.yyyy, for example 24.12.2026.</source>
            <translation>„%1“ ist kein gültiges Datum; verwenden Sie TT.MM.JJJJ, zum Beispiel 24.12.2026.</translation>
        </message>
        <message>
            <source>The last day %1 must not be before the first day %2.</source>
            <translation>Der letzte Tag %1 darf nicht vor dem ersten Tag %2 liegen.</translation>
        </message>
        <message>
            <source>The centre "%1" appears more than once in the file (first in line %2).</source>
            <translation>Das Zentrum „%1“ kommt mehrmals in der Datei vor (zuerst in Zeile %2).</translation>
        </message>
        <message>
            <source>Please enter the name of the centre.</source>
            <translation>Bitte geben Sie den Namen des Zentrums an.</translation>
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
            <source>Line %1 contains characters that are not UTF-8. Save the file as "CSV UTF-8" and import it again.</source>
            <translation>Zeile %1 enthält Zeichen, die kein UTF-8 sind. Speichern Sie die Datei als „CSV UTF-8“ und importieren Sie sie erneut.</translation>
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
        <name>SqliteBookingStore</name>
        <message>
            <source>The booking database failed: %1</source>
            <translation>Die Buchungsdatenbank meldet einen Fehler: %1</translation>
        </message>
    </context>
    <context>
        <name>Store</name>
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
            <source>A centre named "%1" already exists.</source>
            <translation>Es gibt bereits ein Zentrum mit dem Namen „%1“.</translation>
        </message>
        <message>
            <source>The centre "%1" no longer exists.</source>
            <translation>Das Zentrum „%1“ existiert nicht mehr.</translation>
        </message>
        <message>
            <source>The centre "%1" was changed elsewhere after you opened it. Reload it and enter your changes again.</source>
            <translation>Das Zentrum „%1“ wurde an anderer Stelle geändert, nachdem Sie es geöffnet haben. Laden Sie es neu und geben Sie Ihre Änderungen erneut ein.</translation>
        </message>
        <message>
            <source>The centre no longer exists.</source>
            <translation>Das Zentrum existiert nicht mehr.</translation>
        </message>
        <message>
            <source>The centre "%1" already has appointments or check-ins and cannot be deleted. Deactivate it instead; its history is kept.</source>
            <translation>Das Zentrum „%1“ hat bereits Termine oder Check-ins und kann nicht gelöscht werden. Deaktivieren Sie es stattdessen; sein Verlauf bleibt erhalten.</translation>
        </message>
        <message>
            <source>The centre "%1" is still referenced by other data and cannot be deleted. Deactivate it instead.</source>
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
            <source>There is no centre named "%1". Import or create the centre first.</source>
            <translation>Es gibt kein Zentrum mit dem Namen „%1“. Importieren oder legen Sie das Zentrum zuerst an.</translation>
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
            <source>A centre named "%1" already exists.</source>
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
            <source>"%1" is not a known service.</source>
            <translation>„%1“ ist keine bekannte Leistung.</translation>
        </message>
        <message>
            <source>The service "%1" is listed twice.</source>
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
    </context>
    <context>
        <name>slotdesk::MainWindow</name>
        <message>
            <source>Slotdesk</source>
            <translation>Slotdesk</translation>
        </message>
    </context>
</TS>
