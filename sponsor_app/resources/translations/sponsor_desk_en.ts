<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>BudgetTab</name>
    <message numerus="yes">
        <location filename="budget.py" line="76" />
        <source>Budget against spending for the %n month(s) of support, {}.</source>
        <translation>
            <numerusform>Budget against spending for the %n month of support, {}.</numerusform><numerusform>Budget against spending for the %n months of support, {}.</numerusform></translation>
    </message>
    </context>
<context>
    <name>CategoryChart</name>
    <message numerus="yes">
        <location filename="charts.py" line="193" />
        <source>%n other category(ies)</source>
        <translation>
            <numerusform>%n other category</numerusform><numerusform>%n other categories</numerusform></translation>
    </message>
    </context>
<context>
    <name>CheckFields</name>
    <message numerus="yes">
        <location filename="check_fields.py" line="135" />
        <source>The programme says this lasts %n month(s): the expiry follows the date unless you type another.</source>
        <translation><numerusform>The programme says this lasts %n month: the expiry follows the date unless you type another.</numerusform><numerusform>The programme says this lasts %n months: the expiry follows the date unless you type another.</numerusform></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="page.py" line="69" />
        <source>&lt;a href="overdue"&gt;%n task(s) overdue&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;a href="overdue"&gt;%n task overdue&lt;/a&gt;</numerusform><numerusform>&lt;a href="overdue"&gt;%n tasks overdue&lt;/a&gt;</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="page.py" line="71" />
        <source>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</numerusform><numerusform>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</numerusform></translation>
    </message>
    </context>
<context>
    <name>DashboardWords</name>
    <message numerus="yes">
        <location filename="words.py" line="25" />
        <source>Due in the next %n day(s)</source>
        <translation>
            <numerusform>Due in the next %n day</numerusform><numerusform>Due in the next %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="words.py" line="27" />
        <source>Nothing falls due in the next %n day(s); the Settlement plan (Ctrl+3) shows what comes later.</source>
        <translation>
            <numerusform>Nothing falls due in the next %n day; the Settlement plan (Ctrl+3) shows what comes later.</numerusform><numerusform>Nothing falls due in the next %n days; the Settlement plan (Ctrl+3) shows what comes later.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="words.py" line="41" />
        <source>Vetting not current, or expiring within %n day(s)</source>
        <translation>
            <numerusform>Vetting not current, or expiring within %n day</numerusform><numerusform>Vetting not current, or expiring within %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="words.py" line="43" />
        <source>Every active volunteer's vetting is current for at least %n day(s).</source>
        <translation>
            <numerusform>Every active volunteer's vetting is current for at least %n day.</numerusform><numerusform>Every active volunteer's vetting is current for at least %n days.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="words.py" line="55" />
        <source>Leases ending within %n day(s), or ended</source>
        <translation>
            <numerusform>Leases ending within %n day, or ended</numerusform><numerusform>Leases ending within %n days, or ended</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="words.py" line="56" />
        <source>No lease ends in the next %n day(s).</source>
        <translation>
            <numerusform>No lease ends in the next %n day.</numerusform><numerusform>No lease ends in the next %n days.</numerusform></translation>
    </message>
    </context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <location filename="history_dialog.py" line="252" />
        <source>The latest %n change(s), newest first; the filters reach older ones.</source>
        <translation>
            <numerusform>The latest %n change, newest first; the filters reach older ones.</numerusform><numerusform>The latest %n changes, newest first; the filters reach older ones.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="history_dialog.py" line="258" />
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n change, newest first.</numerusform><numerusform>%n changes, newest first.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="history_dialog.py" line="278" />
        <source>Change {} touched %n row(s):</source>
        <translation>
            <numerusform>Change {} touched %n row:</numerusform><numerusform>Change {} touched %n rows:</numerusform></translation>
    </message>
    </context>
<context>
    <name>HouseholdsPage</name>
    <message numerus="yes">
        <location filename="households.py" line="293" />
        <source>The arrival moved %n day(s) later.</source>
        <translation>
            <numerusform>The arrival moved %n day later.</numerusform><numerusform>The arrival moved %n days later.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="households.py" line="295" />
        <source>The arrival moved %n day(s) earlier.</source>
        <translation>
            <numerusform>The arrival moved %n day earlier.</numerusform><numerusform>The arrival moved %n days earlier.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="households.py" line="302" />
        <source>Move the due dates of its %n open task(s) by as much?</source>
        <translation>
            <numerusform>Move the due dates of its %n open task by as much?</numerusform><numerusform>Move the due dates of its %n open tasks by as much?</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="households.py" line="333" />
        <source>Delete household {} for good, with its members, its %n settlement task(s), its check-ins and indicator readings? Its transactions and hours stay in the books without the link.

Archive keeps it out of sight instead. Edit ▸ Undo (Ctrl+Z) brings a deleted household back with everything it had.</source>
        <translation>
            <numerusform>Delete household {} for good, with its members, its %n settlement task, its check-ins and indicator readings? Its transactions and hours stay in the books without the link.

Archive keeps it out of sight instead. Edit ▸ Undo (Ctrl+Z) brings a deleted household back with everything it had.</numerusform><numerusform>Delete household {} for good, with its members, its %n settlement tasks, its check-ins and indicator readings? Its transactions and hours stay in the books without the link.

Archive keeps it out of sight instead. Edit ▸ Undo (Ctrl+Z) brings a deleted household back with everything it had.</numerusform></translation>
    </message>
    </context>
<context>
    <name>HousingPage</name>
    <message numerus="yes">
        <location filename="page.py" line="78" />
        <source>{}'s housing is not covered from {} (the programme asks for %n month(s) from arrival).</source>
        <translation>
            <numerusform>{}'s housing is not covered from {} (the programme asks for %n month from arrival).</numerusform><numerusform>{}'s housing is not covered from {} (the programme asks for %n months from arrival).</numerusform></translation>
    </message>
    </context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="import_preview.py" line="484" />
        <source>S&amp;kip the %n row(s) that cannot be read, and import the rest</source>
        <translation>
            <numerusform>S&amp;kip the %n row that cannot be read, and import the rest</numerusform><numerusform>S&amp;kip the %n rows that cannot be read, and import the rest</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="import_preview.py" line="488" />
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="import_preview.py" line="497" />
        <source>%n likely duplicate(s) (greyed: tick to import)</source>
        <translation>
            <numerusform>%n likely duplicate (greyed: tick to import)</numerusform><numerusform>%n likely duplicates (greyed: tick to import)</numerusform></translation>
    </message>
    </context>
<context>
    <name>NewPassphraseDialog</name>
    <message numerus="yes">
        <location filename="passphrase_dialogs.py" line="155" />
        <source>Made before, %n copy(ies) of the file can still be read by whoever reaches them (the backups in Sponsor Desk's own folder are protected with the file):</source>
        <translation>
            <numerusform>Made before, %n copy of the file can still be read by whoever reaches them (the backups in Sponsor Desk's own folder are protected with the file):</numerusform><numerusform>Made before, %n copies of the file can still be read by whoever reaches them (the backups in Sponsor Desk's own folder are protected with the file):</numerusform></translation>
    </message>
    </context>
<context>
    <name>OutgoingTextView</name>
    <message numerus="yes">
        <location filename="outgoing_text.py" line="123" />
        <source>Typed text in this report: %n line(s), as below.</source>
        <translation>
            <numerusform>Typed text in this report: %n line, as below.</numerusform><numerusform>Typed text in this report: %n lines, as below.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="outgoing_text.py" line="124" />
        <source>Names are replaced in %n line(s) (marked).</source>
        <translation>
            <numerusform>Names are replaced in %n line (marked).</numerusform><numerusform>Names are replaced in %n lines (marked).</numerusform></translation>
    </message>
    </context>
<context>
    <name>PlanPage</name>
    <message numerus="yes">
        <location filename="page.py" line="262" />
        <source>{} of %n task(s) shown</source>
        <translation>
            <numerusform>{} of %n task shown</numerusform><numerusform>{} of %n tasks shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="page.py" line="381" />
        <source>The template added %n task(s).</source>
        <translation>
            <numerusform>The template added %n task.</numerusform><numerusform>The template added %n tasks.</numerusform></translation>
    </message>
    </context>
<context>
    <name>ProgressStrip</name>
    <message numerus="yes">
        <location filename="progress_strip.py" line="46" />
        <source>{} of %n task(s) done</source>
        <translation>
            <numerusform>{} of %n task done</numerusform><numerusform>{} of %n tasks done</numerusform></translation>
    </message>
    </context>
<context>
    <name>ProtectionActions</name>
    <message numerus="yes">
        <location filename="protection.py" line="98" />
        <source>Protected %n copy(ies) made before.</source>
        <translation>
            <numerusform>Protected %n copy made before.</numerusform><numerusform>Protected %n copies made before.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="protection.py" line="100" />
        <source>Deleted %n copy(ies) made before.</source>
        <translation>
            <numerusform>Deleted %n copy made before.</numerusform><numerusform>Deleted %n copies made before.</numerusform></translation>
    </message>
    </context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <location filename="restore_dialog.py" line="48" />
        <source>%Ln household(s)</source>
        <translation><numerusform>%Ln household</numerusform><numerusform>%Ln households</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="restore_dialog.py" line="49" />
        <source>%Ln volunteer(s)</source>
        <translation><numerusform>%Ln volunteer</numerusform><numerusform>%Ln volunteers</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="restore_dialog.py" line="50" />
        <source>%Ln transaction(s)</source>
        <translation><numerusform>%Ln transaction</numerusform><numerusform>%Ln transactions</numerusform></translation>
    </message>
    </context>
<context>
    <name>RolesDialog</name>
    <message numerus="yes">
        <location filename="roles_dialog.py" line="83" />
        <source> · %n volunteer(s)</source>
        <translation>
            <numerusform> · %n volunteer</numerusform><numerusform> · %n volunteers</numerusform></translation>
    </message>
    </context>
<context>
    <name>TaskController</name>
    <message numerus="yes">
        <location filename="task_controller.py" line="140" />
        <source>Saved %n open task(s) to {}</source>
        <translation>
            <numerusform>Saved %n open task to {}</numerusform><numerusform>Saved %n open tasks to {}</numerusform></translation>
    </message>
</context>
<context>
    <name>TaskFormDialog</name>
    <message numerus="yes">
        <location filename="plan_dialogs.py" line="166" />
        <source>And %n more.</source>
        <translation>
            <numerusform>And %n more.</numerusform><numerusform>And %n more.</numerusform></translation>
    </message>
    </context>
<context>
    <name>UnlockDialog</name>
    <message numerus="yes">
        <location filename="passphrase_dialogs.py" line="398" />
        <source>%n wrong attempt(s).</source>
        <translation>
            <numerusform>%n wrong attempt.</numerusform><numerusform>%n wrong attempts.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="passphrase_dialogs.py" line="400" />
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform><numerusform>Try again in %n seconds.</numerusform></translation>
    </message>
    </context>
<context>
    <name>VolunteersPage</name>
    <message numerus="yes">
        <location filename="page.py" line="117" />
        <source>{} of %n volunteer(s) shown.</source>
        <translation>
            <numerusform>{} of %n volunteer shown.</numerusform><numerusform>{} of %n volunteers shown.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="page.py" line="120" />
        <source>Vetting is not current for %n active volunteer(s): they cannot meet the family yet.</source>
        <translation>
            <numerusform>Vetting is not current for %n active volunteer: they cannot meet the family yet.</numerusform><numerusform>Vetting is not current for %n active volunteers: they cannot meet the family yet.</numerusform></translation>
    </message>
    </context>
<context>
    <name>formatting</name>
    <message numerus="yes">
        <location filename="formatting.py" line="40" />
        <source>arrives in %n day(s)</source>
        <translation><numerusform>arrives in %n day</numerusform><numerusform>arrives in %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="formatting.py" line="41" />
        <source>arrived %n day(s) ago</source>
        <translation><numerusform>arrived %n day ago</numerusform><numerusform>arrived %n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="formatting.py" line="46" />
        <source>%n day(s) overdue</source>
        <translation><numerusform>%n day overdue</numerusform><numerusform>%n days overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="formatting.py" line="49" />
        <source>due in %n day(s)</source>
        <translation><numerusform>due in %n day</numerusform><numerusform>due in %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="formatting.py" line="53" />
        <source>%n person(s)</source>
        <translation><numerusform>%n person</numerusform><numerusform>%n people</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="formatting.py" line="79" />
        <source>ended %n day(s) ago</source>
        <translation><numerusform>ended %n day ago</numerusform><numerusform>ended %n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="formatting.py" line="82" />
        <source>ends in %n day(s)</source>
        <translation><numerusform>ends in %n day</numerusform><numerusform>ends in %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message numerus="yes">
        <location filename="importing.py" line="70" />
        <source>{}: %n volunteer(s) added, {} updated.</source>
        <translation><numerusform>{}: %n volunteer added, {} updated.</numerusform><numerusform>{}: %n volunteers added, {} updated.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="74" />
        <source>{}: %n transaction(s) added.</source>
        <translation><numerusform>{}: %n transaction added.</numerusform><numerusform>{}: %n transactions added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="80" />
        <source>Matched to entries made by hand: %n statement line(s).</source>
        <translation><numerusform>Matched to entries made by hand: %n statement line.</numerusform><numerusform>Matched to entries made by hand: %n statement lines.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="86" />
        <source>Already in the ledger: %n row(s).</source>
        <translation><numerusform>Already in the ledger: %n row.</numerusform><numerusform>Already in the ledger: %n rows.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="92" />
        <source>Likely duplicates left out: %n row(s).</source>
        <translation><numerusform>Likely duplicates left out: %n row.</numerusform><numerusform>Likely duplicates left out: %n rows.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="98" />
        <source>Left out: %n row(s).</source>
        <translation><numerusform>Left out: %n row.</numerusform><numerusform>Left out: %n rows.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="102" />
        <source>Skipped as unreadable: %n row(s).</source>
        <translation><numerusform>Skipped as unreadable: %n row.</numerusform><numerusform>Skipped as unreadable: %n rows.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="importing.py" line="108" />
        <source>%n new rule(s) will categorise these counterparties next time.</source>
        <translation><numerusform>%n new rule will categorise these counterparties next time.</numerusform><numerusform>%n new rules will categorise these counterparties next time.</numerusform></translation>
    </message>
    </context>
<context>
    <name>vetting</name>
    <message numerus="yes">
        <location filename="vetting_words.py" line="61" />
        <source>{} has no expiry date (it lasts %n month(s))</source>
        <translation><numerusform>{} has no expiry date (it lasts %n month)</numerusform><numerusform>{} has no expiry date (it lasts %n months)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="vetting_words.py" line="122" />
        <source> (+%n more)</source>
        <translation><numerusform> (+%n more)</numerusform><numerusform> (+%n more)</numerusform></translation>
    </message>
</context>
</TS>