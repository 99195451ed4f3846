<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>تاریخ و ساعت</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>از ← به</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>فرایند</translation>
    </message>
    <message>
        <source>By</source>
        <translation>انجام‌دهنده</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>صورتجلسه</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
</context>
</TS>