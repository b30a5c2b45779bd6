<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>CategoryChart</name>
    <message numerus="yes">
        <location filename="charts.py" line="179" />
        <source>%n other categories</source>
        <translation>
            <numerusform>%n other categories</numerusform><numerusform>%n other categories</numerusform></translation>
    </message>
    </context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="dashboard.py" line="330" />
        <source>&lt;a href="overdue"&gt;%n task(s) overdue&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;a href="overdue"&gt;%n task overdue&lt;/a&gt;</numerusform><numerusform>&lt;a href="overdue"&gt;%n tasks overdue&lt;/a&gt;</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="dashboard.py" line="332" />
        <source>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</numerusform><numerusform>&lt;a href="week"&gt;%n due this week&lt;/a&gt;</numerusform></translation>
    </message>
    </context>
<context>
    <name>HouseholdsPage</name>
    <message numerus="yes">
        <location filename="households.py" line="276" />
        <source>The arrival moved %n day(s) later.</source>
        <translation>
            <numerusform>The arrival moved %n day later.</numerusform><numerusform>The arrival moved %n days later.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="households.py" line="278" />
        <source>The arrival moved %n day(s) earlier.</source>
        <translation>
            <numerusform>The arrival moved %n day earlier.</numerusform><numerusform>The arrival moved %n days earlier.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="households.py" line="286" />
        <source>Move the due dates of its %n open task(s) by as much?</source>
        <translation>
            <numerusform>Move the due dates of its %n open task by as much?</numerusform><numerusform>Move the due dates of its %n open tasks by as much?</numerusform></translation>
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
    <name>PlanPage</name>
    <message numerus="yes">
        <location filename="plan.py" line="310" />
        <source>{} of %n task(s) shown</source>
        <translation>
            <numerusform>{} of %n task shown</numerusform><numerusform>{} of %n tasks shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="plan.py" line="491" />
        <source>The template added %n task(s).</source>
        <translation>
            <numerusform>The template added %n task.</numerusform><numerusform>The template added %n tasks.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="plan.py" line="536" />
        <source>Saved %n open task(s) to {}</source>
        <translation>
            <numerusform>Saved %n open task to {}</numerusform><numerusform>Saved %n open tasks to {}</numerusform></translation>
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
    <name>UnlockDialog</name>
    <message numerus="yes">
        <location filename="passphrase_dialogs.py" line="396" />
        <source>%n wrong tries. {} Try again in {} seconds.</source>
        <translation>
            <numerusform>%n wrong tries. {} Try again in {} seconds.</numerusform><numerusform>%n wrong tries. {} Try again in {} seconds.</numerusform></translation>
    </message>
    </context>
<context>
    <name>VolunteersPage</name>
    <message numerus="yes">
        <location filename="volunteers.py" line="430" />
        <source>{} of %n volunteer(s) shown.</source>
        <translation>
            <numerusform>{} of %n volunteer shown.</numerusform><numerusform>{} of %n volunteers shown.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="volunteers.py" line="433" />
        <source>Vetting is not current for %n active volunteer(s): they cannot meet the family yet.</source>
        <translation>
            <numerusform>Vetting is not current for %n active volunteer: they cannot meet the family yet.</numerusform><numerusform>Vetting is not current for %n active volunteers: they cannot meet the family yet.</numerusform></translation>
    </message>
    </context>
<context>
    <name>dashboard</name>
    <message numerus="yes">
        <location filename="dashboard.py" line="139" />
        <source> (+%n more)</source>
        <translation><numerusform> (+%n more)</numerusform><numerusform> (+%n more)</numerusform></translation>
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
</TS>