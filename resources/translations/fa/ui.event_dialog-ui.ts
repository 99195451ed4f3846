<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>EventDialog</name>
    <message>
        <source>Training or awareness event</source>
        <translation>رویداد آموزشی یا اطلاع‌رسانی</translation>
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
        <source>Held on</source>
        <translation>تاریخ برگزاری</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Run by (agency)</source>
        <translation>برگزارکننده (دستگاه)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>شرکت‌کنندگان</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
</TS>