<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
    <context>
        <name>BudgetTab</name>
        <message numerus="yes">
            <location filename="budget.py" line="76" />
            <source>Budget against spending for the %n month(s) of support, {}.</source>
            <translation>
                <numerusform>Budget against spending for the %n month of support, {}.</numerusform>
                <numerusform>Budget against spending for the %n months of support, {}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CategoryChart</name>
        <message numerus="yes">
            <location filename="charts.py" line="196" />
            <source>%n other category(ies)</source>
            <translation>
                <numerusform>%n other category</numerusform>
                <numerusform>%n other categories</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CheckFields</name>
        <message numerus="yes">
            <location filename="check_fields.py" line="135" />
            <source>The programme says this lasts %n month(s): the expiry follows the date unless you type another.</source>
            <translation>
                <numerusform>The programme says this lasts %n month: the expiry follows the date unless you type another.</numerusform>
                <numerusform>The programme says this lasts %n months: the expiry follows the date unless you type another.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message numerus="yes">
            <location filename="page.py" line="69" />
            <source>&lt;a href="overdue"&gt;%n task(s) overdue&lt;/a&gt;</source>
            <translation>
                <numerusform>&lt;a href="overdue"&gt;%n task overdue&lt;/a&gt;</numerusform>
                <numerusform>&lt;a href="overdue"&gt;%n tasks overdue&lt;/a&gt;</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="page.py" line="71" />
            <source>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</source>
            <translation>
                <numerusform>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</numerusform>
                <numerusform>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardWords</name>
        <message numerus="yes">
            <location filename="words.py" line="31" />
            <source>Due in the next %n day(s)</source>
            <translation>
                <numerusform>Due in the next %n day</numerusform>
                <numerusform>Due in the next %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="words.py" line="33" />
            <source>Nothing falls due in the next %n day(s); the Settlement plan (Ctrl+3) shows what comes later.</source>
            <translation>
                <numerusform>Nothing falls due in the next %n day; the Settlement plan (Ctrl+3) shows what comes later.</numerusform>
                <numerusform>Nothing falls due in the next %n days; the Settlement plan (Ctrl+3) shows what comes later.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="words.py" line="46" />
            <source>Vetting not current, or expiring within %n day(s)</source>
            <translation>
                <numerusform>Vetting not current, or expiring within %n day</numerusform>
                <numerusform>Vetting not current, or expiring within %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="words.py" line="48" />
            <source>Every active volunteer's vetting is current for at least %n day(s).</source>
            <translation>
                <numerusform>Every active volunteer's vetting is current for at least %n day.</numerusform>
                <numerusform>Every active volunteer's vetting is current for at least %n days.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="words.py" line="59" />
            <source>Leases ending within %n day(s), or ended</source>
            <translation>
                <numerusform>Leases ending within %n day, or ended</numerusform>
                <numerusform>Leases ending within %n days, or ended</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="words.py" line="60" />
            <source>No lease ends in the next %n day(s).</source>
            <translation>
                <numerusform>No lease ends in the next %n day.</numerusform>
                <numerusform>No lease ends in the next %n days.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message numerus="yes">
            <location filename="history_dialog.py" line="256" />
            <source>The latest %n change(s), newest first; the filters reach older ones.</source>
            <translation>
                <numerusform>The latest %n change, newest first; the filters reach older ones.</numerusform>
                <numerusform>The latest %n changes, newest first; the filters reach older ones.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="history_dialog.py" line="262" />
            <source>%n change(s), newest first.</source>
            <translation>
                <numerusform>%n change, newest first.</numerusform>
                <numerusform>%n changes, newest first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="history_dialog.py" line="282" />
            <source>Change {} touched %n row(s):</source>
            <translation>
                <numerusform>Change {} touched %n row:</numerusform>
                <numerusform>Change {} touched %n rows:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HouseholdsPage</name>
        <message numerus="yes">
            <location filename="households.py" line="298" />
            <source>The arrival moved %n day(s) later.</source>
            <translation>
                <numerusform>The arrival moved %n day later.</numerusform>
                <numerusform>The arrival moved %n days later.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="households.py" line="300" />
            <source>The arrival moved %n day(s) earlier.</source>
            <translation>
                <numerusform>The arrival moved %n day earlier.</numerusform>
                <numerusform>The arrival moved %n days earlier.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="households.py" line="307" />
            <source>Move the due dates of its %n open task(s) by as much?</source>
            <translation>
                <numerusform>Move the due dates of its %n open task by as much?</numerusform>
                <numerusform>Move the due dates of its %n open tasks by as much?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="households.py" line="334" />
            <source>Delete household {} for good, with its members, its %n settlement task(s), its check-ins and indicator readings? Its transactions and hours stay in the books without the link.

Archive keeps it out of sight instead. Edit ▸ Undo (Ctrl+Z) brings a deleted household back with everything it had.</source>
            <translation>
                <numerusform>Delete household {} for good, with its members, its %n settlement task, its check-ins and indicator readings? Its transactions and hours stay in the books without the link.

Archive keeps it out of sight instead. Edit ▸ Undo (Ctrl+Z) brings a deleted household back with everything it had.</numerusform>
                <numerusform>Delete household {} for good, with its members, its %n settlement tasks, its check-ins and indicator readings? Its transactions and hours stay in the books without the link.

Archive keeps it out of sight instead. Edit ▸ Undo (Ctrl+Z) brings a deleted household back with everything it had.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HousingPage</name>
        <message numerus="yes">
            <location filename="page.py" line="77" />
            <source>{}'s housing is not covered from {} (the programme asks for %n month(s) from arrival).</source>
            <translation>
                <numerusform>{}'s housing is not covered from {} (the programme asks for %n month from arrival).</numerusform>
                <numerusform>{}'s housing is not covered from {} (the programme asks for %n months from arrival).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message numerus="yes">
            <location filename="import_preview.py" line="322" />
            <source>S&amp;kip the %n row(s) that cannot be read, and import the rest</source>
            <translation>
                <numerusform>S&amp;kip the %n row that cannot be read, and import the rest</numerusform>
                <numerusform>S&amp;kip the %n rows that cannot be read, and import the rest</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="import_preview.py" line="326" />
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="import_preview.py" line="335" />
            <source>%n likely duplicate(s) (greyed: tick to import)</source>
            <translation>
                <numerusform>%n likely duplicate (greyed: tick to import)</numerusform>
                <numerusform>%n likely duplicates (greyed: tick to import)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NewPassphraseDialog</name>
        <message numerus="yes">
            <location filename="passphrase_dialogs.py" line="152" />
            <source>Made before, %n copy(ies) of the file can still be read by whoever reaches them (the backups in Sponsor Desk's own folder are protected with the file):</source>
            <translation>
                <numerusform>Made before, %n copy of the file can still be read by whoever reaches them (the backups in Sponsor Desk's own folder are protected with the file):</numerusform>
                <numerusform>Made before, %n copies of the file can still be read by whoever reaches them (the backups in Sponsor Desk's own folder are protected with the file):</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutgoingTextView</name>
        <message numerus="yes">
            <location filename="outgoing_text.py" line="123" />
            <source>Typed text in this report: %n line(s), as below.</source>
            <translation>
                <numerusform>Typed text in this report: %n line, as below.</numerusform>
                <numerusform>Typed text in this report: %n lines, as below.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="outgoing_text.py" line="124" />
            <source>Names are replaced in %n line(s) (marked).</source>
            <translation>
                <numerusform>Names are replaced in %n line (marked).</numerusform>
                <numerusform>Names are replaced in %n lines (marked).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanPage</name>
        <message numerus="yes">
            <location filename="page.py" line="240" />
            <source>{} of %n task(s) shown</source>
            <translation>
                <numerusform>{} of %n task shown</numerusform>
                <numerusform>{} of %n tasks shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="page.py" line="356" />
            <source>The template added %n task(s).</source>
            <translation>
                <numerusform>The template added %n task.</numerusform>
                <numerusform>The template added %n tasks.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProgressStrip</name>
        <message numerus="yes">
            <location filename="progress_strip.py" line="46" />
            <source>{} of %n task(s) done</source>
            <translation>
                <numerusform>{} of %n task done</numerusform>
                <numerusform>{} of %n tasks done</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProtectionActions</name>
        <message numerus="yes">
            <location filename="protection.py" line="92" />
            <source>Protected %n copy(ies) made before.</source>
            <translation>
                <numerusform>Protected %n copy made before.</numerusform>
                <numerusform>Protected %n copies made before.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="protection.py" line="94" />
            <source>Deleted %n copy(ies) made before.</source>
            <translation>
                <numerusform>Deleted %n copy made before.</numerusform>
                <numerusform>Deleted %n copies made before.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message numerus="yes">
            <location filename="restore_dialog.py" line="48" />
            <source>%Ln household(s)</source>
            <translation>
                <numerusform>%Ln household</numerusform>
                <numerusform>%Ln households</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="restore_dialog.py" line="49" />
            <source>%Ln volunteer(s)</source>
            <translation>
                <numerusform>%Ln volunteer</numerusform>
                <numerusform>%Ln volunteers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="restore_dialog.py" line="50" />
            <source>%Ln transaction(s)</source>
            <translation>
                <numerusform>%Ln transaction</numerusform>
                <numerusform>%Ln transactions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RolesDialog</name>
        <message numerus="yes">
            <location filename="roles_dialog.py" line="76" />
            <source> · %n volunteer(s)</source>
            <translation>
                <numerusform> · %n volunteer</numerusform>
                <numerusform> · %n volunteers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskController</name>
        <message numerus="yes">
            <location filename="task_controller.py" line="140" />
            <source>Saved %n open task(s) to {}</source>
            <translation>
                <numerusform>Saved %n open task to {}</numerusform>
                <numerusform>Saved %n open tasks to {}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskFormDialog</name>
        <message numerus="yes">
            <location filename="plan_dialogs.py" line="163" />
            <source>And %n more.</source>
            <translation>
                <numerusform>And %n more.</numerusform>
                <numerusform>And %n more.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message numerus="yes">
            <location filename="unlock_dialog.py" line="137" />
            <source>%n wrong attempt(s).</source>
            <translation>
                <numerusform>%n wrong attempt.</numerusform>
                <numerusform>%n wrong attempts.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="unlock_dialog.py" line="139" />
            <source>Try again in %n second(s).</source>
            <translation>
                <numerusform>Try again in %n second.</numerusform>
                <numerusform>Try again in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VolunteersPage</name>
        <message numerus="yes">
            <location filename="page.py" line="122" />
            <source>{} of %n volunteer(s) shown.</source>
            <translation>
                <numerusform>{} of %n volunteer shown.</numerusform>
                <numerusform>{} of %n volunteers shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="page.py" line="125" />
            <source>Vetting is not current for %n active volunteer(s): they cannot meet the family yet.</source>
            <translation>
                <numerusform>Vetting is not current for %n active volunteer: they cannot meet the family yet.</numerusform>
                <numerusform>Vetting is not current for %n active volunteers: they cannot meet the family yet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>formatting</name>
        <message numerus="yes">
            <location filename="formatting.py" line="34" />
            <source>arrives in %n day(s)</source>
            <translation>
                <numerusform>arrives in %n day</numerusform>
                <numerusform>arrives in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="formatting.py" line="35" />
            <source>arrived %n day(s) ago</source>
            <translation>
                <numerusform>arrived %n day ago</numerusform>
                <numerusform>arrived %n days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="formatting.py" line="40" />
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="formatting.py" line="43" />
            <source>due in %n day(s)</source>
            <translation>
                <numerusform>due in %n day</numerusform>
                <numerusform>due in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="formatting.py" line="47" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="formatting.py" line="73" />
            <source>ended %n day(s) ago</source>
            <translation>
                <numerusform>ended %n day ago</numerusform>
                <numerusform>ended %n days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="formatting.py" line="76" />
            <source>ends in %n day(s)</source>
            <translation>
                <numerusform>ends in %n day</numerusform>
                <numerusform>ends in %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>importing</name>
        <message numerus="yes">
            <location filename="importing.py" line="119" />
            <source>{}: %n volunteer(s) added, {} updated.</source>
            <translation>
                <numerusform>{}: %n volunteer added, {} updated.</numerusform>
                <numerusform>{}: %n volunteers added, {} updated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="123" />
            <source>{}: %n transaction(s) added.</source>
            <translation>
                <numerusform>{}: %n transaction added.</numerusform>
                <numerusform>{}: %n transactions added.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="141" />
            <source>Matched to entries made by hand: %n statement line(s).</source>
            <translation>
                <numerusform>Matched to entries made by hand: %n statement line.</numerusform>
                <numerusform>Matched to entries made by hand: %n statement lines.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="147" />
            <source>Already in the ledger: %n row(s).</source>
            <translation>
                <numerusform>Already in the ledger: %n row.</numerusform>
                <numerusform>Already in the ledger: %n rows.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="153" />
            <source>Likely duplicates left out: %n row(s).</source>
            <translation>
                <numerusform>Likely duplicates left out: %n row.</numerusform>
                <numerusform>Likely duplicates left out: %n rows.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="159" />
            <source>Left out: %n row(s).</source>
            <translation>
                <numerusform>Left out: %n row.</numerusform>
                <numerusform>Left out: %n rows.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="163" />
            <source>Skipped as unreadable: %n row(s).</source>
            <translation>
                <numerusform>Skipped as unreadable: %n row.</numerusform>
                <numerusform>Skipped as unreadable: %n rows.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="importing.py" line="169" />
            <source>%n new rule(s) will categorise these counterparties next time.</source>
            <translation>
                <numerusform>%n new rule will categorise these counterparties next time.</numerusform>
                <numerusform>%n new rules will categorise these counterparties next time.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>vetting</name>
        <message numerus="yes">
            <location filename="vetting_words.py" line="61" />
            <source>{} has no expiry date (it lasts %n month(s))</source>
            <translation>
                <numerusform>{} has no expiry date (it lasts %n month)</numerusform>
                <numerusform>{} has no expiry date (it lasts %n months)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="vetting_words.py" line="122" />
            <source> (+%n more)</source>
            <translation>
                <numerusform> (+%n more)</numerusform>
                <numerusform> (+%n more)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Records</name>
        <message>
            <location filename="records.py" />
            <source>Category {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Check-in {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Checklist item {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Goal {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Hours entry {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Household {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Inspection {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Household member {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Pledge {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Property {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Reading {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Role {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Rule {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Task {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Template task {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Tenancy {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Training record {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Transaction {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Vetting check {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Volunteer {id} no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>That household no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>A volunteer chosen no longer exists.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <location filename="records.py" />
            <source>This holds a control character ({found}) that cannot be stored; it may have come with pasted text: type it again, or remove it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>“{text}” is not an email address (it needs a name@place.domain shape).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>“{text}” is not a phone number (7 to 15 digits, + and spaces allowed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Enter a household code such as H1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>A household code is up to 16 letters, digits or dashes (such as H1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>Enter the hours, such as 1.5 or 1:30.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>“{text}” is not a whole number of minutes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>“{text}” is not a number of hours (try 1.5 or 1:30).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="records.py" />
            <source>The period must end on or after the day it starts.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Funds</name>
        <message>
            <location filename="funds.py" />
            <source>This group keeps its books in {currency}, not {given}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Enter an amount above zero; choose income or expense for the direction.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Choose a category.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{name}” is an income category.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{name}” is an expense category.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>There is no income category “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>There is no expense category “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Enter the category's name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>There is already an income category “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>There is already an expense category “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>There is already a category called “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>A budget cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>The last month must not be before the first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Budgets are set for spending categories.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Enter the donor's name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Enter an amount above zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Choose how often: {choices}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>The pledge must end on or after the day it starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Enter the words to look for, such as Countdown.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="funds.py" />
            <source>Keep the words to %Ln character(s) or fewer.</source>
            <translation>
                <numerusform>Keep the words to %Ln character or fewer.</numerusform>
                <numerusform>Keep the words to %Ln characters or fewer.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="funds.py" />
            <source>Look in the counterparty, or in the whole line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>That rule is there already.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Amounts</name>
        <message>
            <location filename="funds.py" />
            <source>Enter an amount.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{text}” is not an amount: use brackets or a minus sign, not both.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{text}” is in another currency ({mark}); this group keeps its books in {currency}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{text}” is not an amount: check the commas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{text}” is not an amount.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="funds.py" />
            <source>Amounts in {currency} have no cents.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="funds.py" />
            <source>“{text}” has more than %n digit(s) after the decimal point.</source>
            <translation>
                <numerusform>“{text}” has more than %n digit after the decimal point.</numerusform>
                <numerusform>“{text}” has more than %n digits after the decimal point.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="funds.py" />
            <source>“{text}” is too large for an amount.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Households</name>
        <message>
            <location filename="households.py" />
            <source>There is no household {code}; the codes are: {codes}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>none yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>There is already a household {code}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Enter the person's name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>A household has one principal applicant: make another member the principal instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Bedrooms cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Amounts are in {currency}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Amounts cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>The group's share cannot be more than the rent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>The lease must end on or after the day it starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>A secured or occupied tenancy needs its lease start date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>This property already has a tenancy from {start} to {end}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>no end date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Choose the kind of inspection: {choices}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Choose the result: {choices}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>The next inspection must be after this one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Say what the issues were.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="households.py" />
            <source>Say what needs doing.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <location filename="roster.py" />
            <source>Choose at least one role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>The expiry date must be after the check date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Enter the date the check cleared.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>The expiry date must be after the date it was signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Enter the date it was signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>The expiry date must be after the completion date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Enter the date it was completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>A statement is signed or not: record it once it is signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>A course is recorded once it is completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Choose the course.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Choose a check this programme uses: {choices}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Enter the role's name.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="roster.py" />
            <source>A role's name is at most %Ln character(s) long.</source>
            <translation>
                <numerusform>A role's name is at most %Ln character long.</numerusform>
                <numerusform>A role's name is at most %Ln characters long.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="roster.py" />
            <source>There is already a role called “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="roster.py" />
            <source>“{role}” is held by %Ln volunteer(s): retire it instead, so they keep it and no one new is given it.</source>
            <translation>
                <numerusform>“{role}” is held by %Ln volunteer: retire it instead, so they keep it and no one new is given it.</numerusform>
                <numerusform>“{role}” is held by %Ln volunteers: retire it instead, so they keep it and no one new is given it.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="roster.py" />
            <source>There is no role “{key}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>“{role}” is retired: choose another role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Say what the time was spent on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Hours for one day must be more than 0 and at most 24.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>Hours can only be logged for today or earlier.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="roster.py" />
            <source>These hours are already logged for that day; edit that entry instead.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Plan</name>
        <message>
            <location filename="plan.py" />
            <source>Say why this task does not apply.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A task cannot be done on a future date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>{phase} runs from day {low} to day {high} after arrival.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Recorded as a check-in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>The group's own template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>“{task}” is family-facing, so only a volunteer with current vetting can take it. {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A visit or meeting is family-facing, and vetting was not current on the day for {count} of those who went. {reasons}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>{name}: {gaps}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>vetting not current</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A check-in is recorded once it has happened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Rate from 1 (not met) to 5 (fully met).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Say what the concern was before resolving it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A concern is resolved on or after the day it was raised.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>That day has not come yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>That meeting is not in this household's plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A goal reviewed is not this household's.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Only active volunteers are recorded at a new check-in; no longer active: {names}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A goal already achieved is not reviewed again: {goals}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Write the goal as the family put it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>The target date comes after the goal is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>A review comes after the goal was set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>There is no indicator “{key}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Readings are recorded once they are known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>Give the volunteer's name or email.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>No volunteer has the number #{number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>No volunteer is called “{name}”.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="plan.py" />
            <source>“{name}” fits %Ln volunteer(s) ({people}); give the email or the number (such as #{example}) instead.</source>
            <translation>
                <numerusform>“{name}” fits %Ln volunteer ({people}); give the email or the number (such as #{example}) instead.</numerusform>
                <numerusform>“{name}” fits %Ln volunteers ({people}); give the email or the number (such as #{example}) instead.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="plan.py" />
            <source>#{id} {name} &lt;{email}&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>no email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="plan.py" />
            <source>and {more} more</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <location filename="files.py" />
            <source>{path} is a folder: choose a file name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Choose another name: a copy cannot replace the open file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Choose another place: Sponsor Desk's backups folder is written by the app only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is a file: give a folder to write into.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} already exists; choose a new folder or add --force to write into it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>The folder {path} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is in Sponsor Desk's backups folder; choose another place.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="files.py" />
            <source>Use at least %Ln character(s); a few words are easiest.</source>
            <translation>
                <numerusform>Use at least %Ln character; a few words are easiest.</numerusform>
                <numerusform>Use at least %Ln characters; a few words are easiest.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="files.py" />
            <source>Too easy to guess: add another word or two that go together.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Too easy to guess ({why}): add another word or two that go together.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Too easy to guess (The group's or the file's own name is easy to guess): add another word or two that go together.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>The group's or the file's own name is easy to guess.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>The two passphrases are not the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>That recovery code has a mistake in it: check each group of four.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Change {id} was already reverted by change {later}; revert change {later} to put it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{row} was changed after this; revert that first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{row} was changed after this (change {later}, “{description}”); revert that first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Reverting change {id} would also remove or change {row}, added or changed after it; revert that first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Reverting change {id} would also remove or change {row}, added or changed after it (change {later}, “{description}”); revert that first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{row} is used by records added since, so it cannot be taken away.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{row} refers to a record removed since, so it cannot be put back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Putting {row} back would clash with a record added since.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Change {id} is the record that someone was shown sensitive details; a record of who saw what cannot be taken back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Change {id} removed personal details for good; it cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Personal details that change {id} touched were removed for good since, so it cannot be reverted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Change {later} (“{description}”) removed personal details for good, so change {id} cannot be reverted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Change {id} created the group itself; reverting it would leave a file that cannot be opened, so it cannot be reverted. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Change {id} is a schema upgrade or was recorded before the change history began; it cannot be reverted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>There is no change {id} in this file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the group {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>household {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>task “{value}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>category “{value}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the pledge from {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the transaction of {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the check-in of {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>tenancy {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>a vetting check recorded on {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>a training record of {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>hours logged for {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the role {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the inspection of {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>checklist item “{value}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the budget for {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>the reading of {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{table} {value}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Outputs</name>
        <message>
            <location filename="files.py" />
            <source>{why} Nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is a folder: give a name for the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Cannot write {path}: the folder {folder} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is the group file {source} this command reads; choose another name for the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is {source}, a file this command reads; choose another name for the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} belongs to the group file {owner}, so it is never written over; choose another name for the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is in Sponsor Desk's backups folder, which only the app writes; choose another place for the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} ends in {suffix}, the name of a group file; choose a name that fits the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is not an ordinary file; choose another name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is a Sponsor Desk group file (or a backup of one), so it is never written over; choose another name for the {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} already exists; choose another name or add --force to replace it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} appeared while it was being written; choose another name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>Cannot write {path}: {reason}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="files.py" />
            <source>{path} is a link that leads nowhere.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Imports</name>
        <message>
            <location filename="imports.py" />
            <source>{name}, line {line}: byte 0x{byte:02X} is not UTF-8, though the rest of the file is. Correct that line and save the file again as CSV UTF-8, or choose to read the whole file as Windows-1252 (--encoding cp1252), where the file's other accented letters then read wrongly. Nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} (sheet “{sheet}”) is empty.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>The header row has %Ln column(s); Sponsor Desk reads at most {most:,}.</source>
            <translation>
                <numerusform>The header row has %Ln column; Sponsor Desk reads at most {most:,}.</numerusform>
                <numerusform>The header row has %Ln columns; Sponsor Desk reads at most {most:,}.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}: save it as .xlsx or .csv first (File ▸ Save As in the spreadsheet).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}: choose a .csv or .xlsx file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{path} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{path} cannot be read: {why}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{path} is a folder: choose a .csv or .xlsx file in it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{path} is not a regular file (a pipe or a device): choose a .csv or .xlsx file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{path} cannot be read ({why}): check who may open it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is not a text file Sponsor Desk can read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}, line {line}: the text is not in the file's own encoding ({encoding}); save the file again as CSV UTF-8.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}, line {line}: a cell is longer than {kib:,} KiB (or a quote opened there is never closed). Nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}, line {line}: a quote (") opens a cell there and is never closed, so every line after it would run into that one cell. Close the quote, or remove it. Nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}, line {line}: a quote (") closes a cell but more text follows it in the same cell. Write "" for a quote inside a quoted cell. Nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}, line {line}: {why}. Nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is not an .xlsx workbook (or it is protected with a password: save a copy without one).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} would unpack to {megabytes:,.0f} MB from {kilobytes:,.0f} KB: it is not an ordinary workbook, so Sponsor Desk does not open it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} would unpack to {megabytes:,.0f} MB; Sponsor Desk reads workbooks up to {most} MB. Save the sheet as CSV instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is not a workbook Sponsor Desk can read ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>Sheet “{sheet}”, line {line}: a value beyond column {most}; Sponsor Desk reads at most %Ln column(s).</source>
            <translation>
                <numerusform>Sheet “{sheet}”, line {line}: a value beyond column {most}; Sponsor Desk reads at most %Ln column.</numerusform>
                <numerusform>Sheet “{sheet}”, line {line}: a value beyond column {most}; Sponsor Desk reads at most %Ln columns.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} has no sheet with rows in it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} has no sheet “{sheet}”; its sheets are: {sheets}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is larger than {most} MB: not a bank statement Sponsor Desk can read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is not an OFX statement Sponsor Desk can read ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} is a statement in {found}; this group keeps its books in {currency}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name}: export to a .csv or .xlsx file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>Sponsor Desk's own folder {folder} is full, so the workbook could not be put together: free some space on that disk, then try again. Nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>Sponsor Desk's own folder {folder} could not be written ({why}). Nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} has no column “{column}”; its columns are: {columns}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} has no column for {fields} (its columns: {columns}); name one with --map column:HEADER=FIELD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} has no column for {fields} (its columns: {columns}, read as {encoding} with cells separated by {separator}); name one with --map column:HEADER=FIELD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>semicolons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>tabs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>bars (|)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{name} has more than one column called “{column}”: rename or remove all but one, so it is clear which to read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>more than one column is matched to “{field}”: ignore all but one.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>Nothing was imported from {name}: %Ln problem(s).
{lines}</source>
            <translation>
                <numerusform>Nothing was imported from {name}: %Ln problem.
{lines}</numerusform>
                <numerusform>Nothing was imported from {name}: %Ln problems.
{lines}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>  {where}: {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>  {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>  and {more:,} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>The import of {name} was cancelled; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{reasons}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{reasons}.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>it has %Ln cell(s) but the header has {columns} (“{extra}” has no column); check the quotes and commas on this line</source>
            <translation>
                <numerusform>it has %Ln cell but the header has {columns} (“{extra}” has no column); check the quotes and commas on this line</numerusform>
                <numerusform>it has %Ln cells but the header has {columns} (“{extra}” has no column); check the quotes and commas on this line</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>%Ln column(s)</source>
            <translation>
                <numerusform>%Ln column</numerusform>
                <numerusform>%Ln columns</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>{column} is a formula ({formula}) with no value saved in the file: open it in Excel or LibreOffice and save it again, so the values are stored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{column} holds a control character ({character}) that a spreadsheet cannot hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{field}: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{field} is empty</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>{field} is longer than %Ln character(s)</source>
            <translation>
                <numerusform>{field} is longer than %Ln character</numerusform>
                <numerusform>{field} is longer than %Ln characters</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>line {lines}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>lines {lines}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>lines {lines} and {more:,} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>amount must be above zero (the kind says which way it goes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>amount is zero</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>both money in and money out are filled in: keep one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{name}” is not an income category of this group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{name}” is not an expense category of this group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>there is no household {code}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>already in the ledger (same date, amount, kind and reference)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>probably already in the ledger (same date, amount and counterparty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>already imported from a statement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>entered by hand before (transaction {id})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>your choice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>rule: contains “{pattern}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>no rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>no rule categorises “{counterparty}” and the group has no other income category to put it in; choose a category for it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>no rule categorises “{counterparty}” and the group has no other spending category to put it in; choose a category for it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not an income category of this group ({lines}); map it with --map categories:{text}=NAME or create it with --create-missing. The income categories are: {known}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not an expense category of this group ({lines}); map it with --map categories:{text}=NAME or create it with --create-missing. The expense categories are: {known}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>there is no household “{text}” ({lines}); map it with --map households:{text}=CODE or create it with --create-missing. The households are: {known}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not income or expense ({lines}); map it with --map kinds:{text}=income or =expense.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>category “{name}” (income)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>category “{name}” (expense)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>household {code}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>role “{name}”</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>%Ln volunteer(s) are called {name}: add their email to this row (or keep the id column of the app's own export) to say which one</source>
            <translation>
                <numerusform>%Ln volunteer are called {name}: add their email to this row (or keep the id column of the app's own export) to say which one</numerusform>
                <numerusform>%Ln volunteers are called {name}: add their email to this row (or keep the id column of the app's own export) to say which one</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>line {line} is already about {name}: one row per person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the same person as line {line}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the same person as line {line} (two rows for {name} and no email: if they are two people, give one an email)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{name}” is not one of the group's roles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the role “{name}” is retired: map it to another role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the email {email} belongs to {name} already</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the email {email} is on line {line} too</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>no role: a new volunteer needs at least one (a roles column)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the expiry date must be after the check date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>enter the date the check cleared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the expiry date must be after the date it was signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>enter the date it was signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>the expiry date must be after the completion date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>enter the date it was completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>a statement is signed or not: record it once it is signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>a course is recorded once it is completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not one of the group's roles ({lines}); map it with --map roles:{text}=ROLE or create it with --create-missing. The roles are: {known}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not a vetting status Sponsor Desk knows ({lines}); map it with --map statuses:{text}=current (or pending, expired, not cleared, missing).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>%Ln row(s) with {check} cleared and no expiry: each is given the programme's {months} from its check date, as the volunteer form does</source>
            <translation>
                <numerusform>%Ln row with {check} cleared and no expiry: each is given the programme's {months} from its check date, as the volunteer form does</numerusform>
                <numerusform>%Ln rows with {check} cleared and no expiry: each is given the programme's {months} from its check date, as the volunteer form does</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>%Ln month(s)</source>
            <translation>
                <numerusform>%Ln month</numerusform>
                <numerusform>%Ln months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="imports.py" />
            <source>%Ln person(s)</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
        <message>
            <location filename="imports.py" />
            <source>{lacking:,} of {people} has no {requirement} recorded: the roster will show it as missing until it is added on the Volunteers page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>{lacking:,} of {people} have no {requirement} recorded: the roster will show it as missing until it is added on the Volunteers page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>line {line} ({name}): the sheet says {stated}, but {dates}, so the roster shows {shown}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>it expires on {day}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>it has no expiry date</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cells</name>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not yes or no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not a date (write 2026-03-01)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="imports.py" />
            <source>“{text}” is not a date between 1900 and 2100</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportFields</name>
        <message>
            <location filename="import_fields.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>First name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Last name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Roles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Languages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Vetting status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Vetting checked on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Vetting expires on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Sponsor Desk id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Money in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Money out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Counterparty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Household</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Restricted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Payee</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Particulars</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Bank's id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>amount (or money in and money out)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="import_fields.py" />
            <source>one column only as “{field}”</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Reporting</name>
        <message>
            <location filename="reporting.py" />
            <source>The period ends ({end}) before it starts ({start}): swap the dates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>A data bundle goes with the evaluation report only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>There is no {kind} report of one group.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>The bundle and the report need different file names.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>The accessible version would be written onto {path}: give the report a name ending in .pdf.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>The summary and its figures need different file names.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>Name at least one bundle to combine.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{first} and {second} are the same group ({group}) for the same period ({start} to {end}): give each group's period once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name}: {where} is {said} but {source} adds up to {total}: the bundle was changed after it was made.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>{name}: households.csv gives {household} %Ln person(s) but the band {band}: the bundle was changed after it was made.</source>
            <translation>
                <numerusform>{name}: households.csv gives {household} %Ln person but the band {band}: the bundle was changed after it was made.</numerusform>
                <numerusform>{name}: households.csv gives {household} %Ln people but the band {band}: the bundle was changed after it was made.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>{name}: {source} adds up to %Ln person(s), which the households' size bands do not allow: the bundle was changed after it was made.</source>
            <translation>
                <numerusform>{name}: {source} adds up to %Ln person, which the households' size bands do not allow: the bundle was changed after it was made.</numerusform>
                <numerusform>{name}: {source} adds up to %Ln people, which the households' size bands do not allow: the bundle was changed after it was made.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} is a folder, not a data bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} cannot be read: {why}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} is not a regular file (a pipe or a device), so it is not read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} is {megabytes:,.0f} MB; a data bundle is far smaller (at most {most} MB is read).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} grew past {most} MB while it was read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} is not a data bundle (not a zip file).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} has no datapackage.json: it is not a Sponsor Desk bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name}: datapackage.json is not valid JSON ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{word} is not a number JSON allows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name}: datapackage.json does not describe a data package.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} is a bundle of schema version {version}; this version of Sponsor Desk combines version {supported} only: make the bundle again with the same version as the others.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} lacks the {tables} table of a version {version} bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} lacks the {tables} tables of a version {version} bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name} {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{name}: {where} {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{path} line {line}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{path} line {line}, {field}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>does not match the SHA-256 its datapackage.json gives (resources[{index}].hash): it was changed after the bundle was made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>should hold exactly one group</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>holds %Ln file(s); a data bundle holds about 30</source>
            <translation>
                <numerusform>holds %Ln file; a data bundle holds about 30</numerusform>
                <numerusform>holds %Ln files; a data bundle holds about 30</numerusform>
            </translation>
        </message>
        <message>
            <location filename="reporting.py" />
            <source>would unpack to {megabytes:,.0f} MB from {kilobytes:,.0f} KB: not a data bundle's table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is in the zip twice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>would unpack to {megabytes:,.0f} MB in all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is missing {path}, which its datapackage.json names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is damaged in the zip ({why})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is encrypted; a data bundle never is</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is far larger than a bundle's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not UTF-8 text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>has no bundle id (id)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>resources is not a list of tables</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a table description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a table of a bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>repeats {table}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>should be {wanted}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>should be {wanted} ({field})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a SHA-256 (sha256:...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>lists far more tables than a bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a table schema</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a list of fields</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>should list %Ln field(s) of {table}</source>
            <translation>
                <numerusform>should list %Ln field of {table}</numerusform>
                <numerusform>should list %Ln fields of {table}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>has other columns than its datapackage.json</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>has more than %Ln row(s)</source>
            <translation>
                <numerusform>has more than %Ln row</numerusform>
                <numerusform>has more than %Ln rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>has %Ln value(s), not {wanted}</source>
            <translation>
                <numerusform>has %Ln value, not {wanted}</numerusform>
                <numerusform>has %Ln values, not {wanted}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="reporting.py" />
            <source>holds a value far longer than any field allows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is not a readable CSV table ({why})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>is empty but always given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>“{value}” is not a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>“{value}” is not a plain decimal number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>“{value}” is not a date (YYYY-MM-DD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>“{value}” is not true or false</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{value} is below {minimum}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>{value} is above {maximum}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="reporting.py" />
            <source>is %Ln character(s) long (at most {most:,})</source>
            <translation>
                <numerusform>is %Ln character long (at most {most:,})</numerusform>
                <numerusform>is %Ln characters long (at most {most:,})</numerusform>
            </translation>
        </message>
        <message>
            <location filename="reporting.py" />
            <source>holds a control character</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>“{value}” is not one of the allowed values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="reporting.py" />
            <source>“{value}” is not a list of the allowed values</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Sharing</name>
        <message>
            <location filename="sharing.py" />
            <source>{where} was changed or damaged after it was written (it fails its authentication); nothing of it was applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is cut short (still being copied, or written to a full disk); nothing of it was applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} belongs to another group; nothing of it was applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is sealed with another sharing key of this group (sharing was started again on another laptop): copy the group file from a laptop that shares now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} already shares this group from another copy; copy the file from one of its laptops.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} holds a record filed under another laptop or number (moved or replayed); nothing of it was applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} was written by a newer Sponsor Desk; update this laptop's Sponsor Desk to read it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>The hub at {where} was set up by a newer Sponsor Desk; update this laptop's Sponsor Desk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} holds no Sponsor Desk hub: run “sponsor-app hub init” with its administrator's URL first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>The URL's user is no group of the hub at {where}: use the URL that “sponsor-app hub add-group” printed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is the hub administrator's URL: a laptop uses its group's URL, printed by “sponsor-app hub add-group”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is not a PostgreSQL connection URL (write it as postgresql://USER@HOST/DATABASE).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>The hub at {where} could not be reached; nothing was lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>The hub at {where} refused the user or password; check the URL, PGPASSWORD or the password file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>Sponsor Desk cannot write in {where}: it is read-only (a write-protected disk, or a folder you may not change); nothing was lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>The disk holding {where} is full: free some space, then sync again; nothing was lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is not there (a disk not plugged in, or a folder that was moved); nothing was lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} holds the group file itself: share through another folder, and keep the group file on this laptop.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{path} is not shared yet: share it first (File &gt; Sharing &gt; Share this file, or sponsor-app sync).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{path} is already shared; sync it instead of sharing it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{path} is not protected with a passphrase: what travels is encrypted, but anyone who gets a copy of the file can read it and join. Protect it (sponsor-app protect) before copying it to another laptop.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is a file, not a folder: give the folder to share through.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>{where} is the group file itself: give a folder to share through (a USB stick, a network drive, a folder a cloud service syncs).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>Started sharing {path} (this laptop is its first).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>Synced {path} with {where}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="sharing.py" />
            <source>The sync was stopped; what it had exchanged so far is kept.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="sharing.py" />
            <source>Sent %Ln change set(s).</source>
            <translation>
                <numerusform>Sent %Ln change set.</numerusform>
                <numerusform>Sent %Ln change sets.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="sharing.py" />
            <source>Received %Ln change set(s).</source>
            <translation>
                <numerusform>Received %Ln change set.</numerusform>
                <numerusform>Received %Ln change sets.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="sharing.py" />
            <source>%Ln change set(s) wait for earlier ones that have not arrived yet; a later sync applies them.</source>
            <translation>
                <numerusform>%Ln change set wait for earlier ones that have not arrived yet; a later sync applies them.</numerusform>
                <numerusform>%Ln change sets wait for earlier ones that have not arrived yet; a later sync applies them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="sharing.py" />
            <source>%Ln change set(s) come from a newer Sponsor Desk and wait: update this laptop's Sponsor Desk to apply them.</source>
            <translation>
                <numerusform>%Ln change set come from a newer Sponsor Desk and wait: update this laptop's Sponsor Desk to apply them.</numerusform>
                <numerusform>%Ln change sets come from a newer Sponsor Desk and wait: update this laptop's Sponsor Desk to apply them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="sharing.py" />
            <source>%Ln conflict(s) to decide in the window (Edit &gt; Conflicts).</source>
            <translation>
                <numerusform>%Ln conflict to decide in the window (Edit &gt; Conflicts).</numerusform>
                <numerusform>%Ln conflicts to decide in the window (Edit &gt; Conflicts).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="sharing.py" />
            <source>This file is an older copy of one that already synced here: it took a new identity before sending anything, so nothing was overwritten.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>