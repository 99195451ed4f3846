<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Working-group meeting</source>
        <translation>جلسهٔ کارگروه</translation>
    </message>
    <message>
        <source>Minutes number:</source>
        <translation>شمارهٔ صورتجلسه:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>محل جلسه:</translation>
    </message>
    <message>
        <source>Agenda:</source>
        <translation>دستور جلسه:</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>متن صورتجلسه:</translation>
    </message>
    <message>
        <source>Resolutions (one per line):</source>
        <translation>مصوبات (هر کدام در یک سطر):</translation>
    </message>
    <message>
        <source>Attendees:</source>
        <translation>حاضران:</translation>
    </message>
    <message>
        <source>Decisions taken in this meeting:</source>
        <translation>تصمیم‌های گرفته‌شده در این جلسه:</translation>
    </message>
</context>
</TS>