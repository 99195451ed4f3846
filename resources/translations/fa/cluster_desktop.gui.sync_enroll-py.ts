<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SyncEnrollDialog</name>
    <message>
        <source>Enrol an office's certificate</source>
        <translation>ثبت گواهی دفتر دیگر</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (کد %2)</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>ثبت گواهی</translation>
    </message>
</context>
</TS>