<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ScoresView</name>
    <message>
        <source>No member has submitted an evaluation sheet for this dossier yet.</source>
        <translation>هنوز هیچ عضوی برگهٔ ارزیابی این پرونده را ارسال نکرده است.</translation>
    </message>
    <message>
        <source>Preview and print the consolidated sheet: every member's scores, mean and spread.</source>
        <translation>پیش‌نمایش و چاپ برگهٔ جمع‌بندی: امتیازهای هر عضو، میانگین و پراکندگی.</translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation>%1 از ۱۰۰</translation>
    </message>
    <message>
        <source>At or above the threshold (%1): has export potential</source>
        <translation>در حد نصاب (%1) یا بالاتر: دارای توان صادراتی</translation>
    </message>
    <message>
        <source>Below the threshold (%1)</source>
        <translation>پایین‌تر از حد نصاب (%1)</translation>
    </message>
    <message>
        <source>No member submitted an evaluation sheet in this round.</source>
        <translation>در این دور هیچ عضوی برگهٔ ارزیابی ارسال نکرد.</translation>
    </message>
    <message>
        <source>Round %1 (current)</source>
        <translation>دور %1 (جاری)</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>دور %1</translation>
    </message>
    <message>
        <source>opened on %1</source>
        <translation>آغاز در %1</translation>
    </message>
    <message>
        <source>decided on %1: %2</source>
        <translation>تصمیم در %1: %2</translation>
    </message>
    <message>
        <source>minutes %1</source>
        <translation>صورتجلسهٔ %1</translation>
    </message>
    <message>
        <source>Submitted sheets: %1 · criteria set version %2</source>
        <translation>برگه‌های ارسال‌شده: %1 · ویرایش %2 مجموعهٔ معیارها</translation>
    </message>
    <message>
        <source>Earlier round (not counted now)</source>
        <translation>دور پیشین (در امتیاز کنونی به حساب نمی‌آید)</translation>
    </message>
    <message>
        <source>Not ranked yet</source>
        <translation>هنوز رتبه ندارد</translation>
    </message>
    <message>
        <source>Provisional rank %1 of %2 in the province (the round is open)</source>
        <translation>رتبهٔ موقت %1 از %2 در استان (ارزیابی باز است)</translation>
    </message>
    <message>
        <source>Rank %1 of %2 in the province</source>
        <translation>رتبهٔ %1 از %2 در استان</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>معیار</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>وزن</translation>
    </message>
    <message>
        <source>Mean (0–5)</source>
        <translation>میانگین (۰ تا ۵)</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>دامنهٔ اختلاف</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>اختلاف نظر</translation>
    </message>
    <message>
        <source>Submitted on %1</source>
        <translation>ارسال‌شده در %1</translation>
    </message>
    <message>
        <source>⚑ discuss</source>
        <translation>⚑ بحث در جلسه</translation>
    </message>
    <message>
        <source>Weighted score (0–100)</source>
        <translation>امتیاز وزنی (۰ تا ۱۰۰)</translation>
    </message>
</context>
</TS>