<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>EventsView</name>
    <message>
        <source>Training and awareness</source>
        <translation>فرهنگ‌سازی، آموزش و اطلاع‌رسانی</translation>
    </message>
    <message>
        <source>Culture-building, training and awareness for the clusters (F4): every event this office held or followed, the agency that ran it and how many took part.</source>
        <translation>فرهنگ‌سازی، آموزش و اطلاع‌رسانی برای خوشه‌ها (F4): هر رویدادی که این دفتر برگزار یا پیگیری کرده، دستگاه برگزارکننده و شمار شرکت‌کنندگان.</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>رویداد تازه…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
</TS>