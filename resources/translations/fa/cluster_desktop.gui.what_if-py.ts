<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>Drag a weight: the list re-ranks at once. Nothing is saved.</source>
        <translation>وزنی را بکشید تا فهرست در همان لحظه دوباره رتبه‌بندی شود. چیزی ذخیره نمی‌شود.</translation>
    </message>
    <message>
        <source>A revision of the criteria (F15) is proposed from here and made in its own dialog.</source>
        <translation>بازنگری معیارها (F15) از اینجا پیشنهاد و در پنجرهٔ خودش انجام می‌شود.</translation>
    </message>
    <message>
        <source>Back to the current weights</source>
        <translation>بازگشت به وزن‌های جاری</translation>
    </message>
    <message>
        <source>Propose a criteria revision…</source>
        <translation>پیشنهاد بازنگری معیارها…</translation>
    </message>
    <message>
        <source>Criteria revisions (F15) are made by the centre's secretary; this panel only shows.</source>
        <translation>بازنگری معیارها (F15) با دبیر مرکز است؛ این بخش فقط نشان می‌دهد.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>رتبه</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>جابه‌جایی</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>%1 (share %2%)</source>
        <translation>%1 (سهم %2٪)</translation>
    </message>
    <message>
        <source>Every weight is zero: give at least one criterion a weight.</source>
        <translation>همهٔ وزن‌ها صفر است؛ دست‌کم به یک معیار وزن بدهید.</translation>
    </message>
    <message>
        <source>Weights add up to %1; the shares are rescaled to 100.</source>
        <translation>جمع وزن‌ها %1 است؛ سهم‌ها به جمع ۱۰۰ بازمقیاس می‌شوند.</translation>
    </message>
</context>
</TS>