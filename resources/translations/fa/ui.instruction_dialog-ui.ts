<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>InstructionDialog</name>
    <message>
        <source>New revision of an instruction</source>
        <translation>بازنگری تازهٔ دستورالعمل</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>دستورالعمل</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>تاریخ ابلاغ</translation>
    </message>
    <message>
        <source>Full text of the instruction as approved</source>
        <translation>متن کامل دستورالعمل، همان‌گونه که تصویب شده است</translation>
    </message>
</context>
</TS>