# (context, source) -> the English numerus forms (singular, plural) of resources/i18n/workbench_en.ts
T = {
"BackupsDialog": {
 "%n change(s) typed here are not synced and not in this backup: they will be lost from the store (the replaced store beside keeps them).": (
  "%n change typed here is not synced and not in this backup: it will be lost from the store (the replaced store beside keeps it).",
  "%n changes typed here are not synced and not in this backup: they will be lost from the store (the replaced store beside keeps them)."),
},
"BuyingCentreView": {
 "%n contact(s)": ("%n contact", "%n contacts"),
},
"TimelineView": {
 "%n visit(s)": ("%n visit", "%n visits"),
 "%n stage move(s)": ("%n stage move", "%n stage moves"),
 "Follow-up {0}: overdue by %n day(s)": ("Follow-up {0}: overdue by %n day", "Follow-up {0}: overdue by %n days"),
},
}
