<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Dossier</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>تصمیم</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>New working-group meeting</source>
        <translation>جلسهٔ تازهٔ کارگروه</translation>
    </message>
    <message>
        <source>given when the meeting is saved</source>
        <translation>هنگام ذخیرهٔ جلسه داده می‌شود</translation>
    </message>
    <message>
        <source>Meeting, minutes %1</source>
        <translation>جلسهٔ کارگروه، صورتجلسهٔ %1</translation>
    </message>
    <message>
        <source>finalized</source>
        <translation>نهایی‌شده</translation>
    </message>
</context>
</TS>