<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupsDialog</name>
    <message numerus="yes">
        <location filename="../../workbench/ui/backups_dialog.py" line="207"/>
        <source>%n change(s) typed here are not synced and not in this backup: they will be lost from the store (the replaced store beside keeps them).</source>
        <translation>
            <numerusform>%n change typed here is not synced and not in this backup: it will be lost from the store (the replaced store beside keeps it).</numerusform>
            <numerusform>%n changes typed here are not synced and not in this backup: they will be lost from the store (the replaced store beside keeps them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuyingCentreView</name>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/buying_centre.py" line="225"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/timeline.py" line="118"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/timeline.py" line="119"/>
        <source>%n stage move(s)</source>
        <translation>
            <numerusform>%n stage move</numerusform>
            <numerusform>%n stage moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/timeline.py" line="182"/>
        <source>Follow-up {0}: overdue by %n day(s)</source>
        <translation>
            <numerusform>Follow-up {0}: overdue by %n day</numerusform>
            <numerusform>Follow-up {0}: overdue by %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
