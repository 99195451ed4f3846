<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>InstructionsView</name>
    <message>
        <source>Instructions</source>
        <translation>دستورالعمل‌ها</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>New revision…</source>
        <translation>بازنگری تازه…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
</context>
</TS>