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
        <source>Provincial ceiling (rial)</source>
        <translation>سقف اختیارات استان (ریال)</translation>
    </message>
    <message>
        <source>The largest budget a provincial working group approves itself (F9-2); programmes asking more are referred to the centre (F9-3). Empty: every programme is referred.</source>
        <translation>بیشترین اعتباری که کارگروه استان خود تأیید می‌کند (F9-2)؛ طرح‌هایی که بیش از آن می‌خواهند به مرکز ارجاع می‌شوند (F9-3). خالی: همهٔ طرح‌ها ارجاع می‌شوند.</translation>
    </message>
    <message>
        <source>Full text of the instruction as approved</source>
        <translation>متن کامل دستورالعمل، همان‌گونه که تصویب شده است</translation>
    </message>
</context>
</TS>