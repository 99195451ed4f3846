<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>HistoryView</name>
    <message>
        <source>%1 steps recorded</source>
        <translation>%1 مرحلهٔ ثبت‌شده</translation>
    </message>
    <message>
        <source>No step has been recorded for this dossier yet.</source>
        <translation>هنوز مرحله‌ای برای این پرونده ثبت نشده است.</translation>
    </message>
</context>
</TS>