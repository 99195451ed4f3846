<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit the event</source>
        <translation>ویرایش رویداد</translation>
    </message>
    <message>
        <source>New training or awareness event</source>
        <translation>رویداد آموزشی یا اطلاع‌رسانی تازه</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— ذکر نشده —</translation>
    </message>
    <message>
        <source>National (no one province)</source>
        <translation>ملی (بدون استان خاص)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>The provinces' events arrive with their bundles and are read-only here.</source>
        <translation>رویدادهای استان‌ها با بسته‌هایشان می‌رسند و اینجا فقط خواندنی‌اند.</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>تاریخ برگزاری</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>national</source>
        <translation>ملی</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>برگزارکننده</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>شرکت‌کنندگان</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>همهٔ سال‌ها</translation>
    </message>
    <message>
        <source>%1 events (%2 training, %3 awareness), %4 participants</source>
        <translation>%1 رویداد (%2 آموزشی، %3 اطلاع‌رسانی)، %4 شرکت‌کننده</translation>
    </message>
    <message>
        <source>A province's event: only it may change it.</source>
        <translation>رویداد یک استان است: تنها همان استان می‌تواند آن را تغییر دهد.</translation>
    </message>
    <message>
        <source>Select an event first.</source>
        <translation>نخست رویدادی را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Delete the event</source>
        <translation>حذف رویداد</translation>
    </message>
    <message>
        <source>Delete '%1'?</source>
        <translation>«%1» حذف شود؟</translation>
    </message>
</context>
</TS>