<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>JalaliCalendar</name>
    <message>
        <source>Today: %1</source>
        <translation>امروز: %1</translation>
    </message>
</context>
</TS>