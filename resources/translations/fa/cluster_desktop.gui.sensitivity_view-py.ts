<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SensitivityView</name>
    <message>
        <source>How much the ranking depends on the criteria weights: every weight is moved by up to N percentage points (then all are rescaled to 100), at every corner of that range and in random draws with a fixed seed. The current weights give the ranking's own ranks.</source>
        <translation>رتبه‌بندی تا چه اندازه به وزن معیارها بستگی دارد: هر وزن تا N واحد درصد کم یا زیاد می‌شود (سپس همه به جمع ۱۰۰ بازمقیاس می‌شوند)، در همهٔ گوشه‌های این دامنه و در نمونه‌های تصادفی با بذر ثابت. وزن‌های جاری همان رتبه‌های رتبه‌بندی را می‌دهند.</translation>
    </message>
    <message>
        <source>Choose N and K, then Compute.</source>
        <translation>N و K را برگزینید و «محاسبه» را بزنید.</translation>
    </message>
    <message>
        <source>Ranks and ranges</source>
        <translation>رتبه‌ها و دامنه‌ها</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>اگر وزن‌ها چنین باشد</translation>
    </message>
    <message>
        <source>National ranking</source>
        <translation>رتبه‌بندی کشوری</translation>
    </message>
    <message>
        <source>Weights ± points</source>
        <translation>تغییر وزن‌ها (± واحد درصد)</translation>
    </message>
    <message>
        <source>Top K</source>
        <translation>رتبه‌های برتر (K)</translation>
    </message>
    <message>
        <source>Random draws</source>
        <translation>نمونه‌های تصادفی</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>بذر</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>محاسبه</translation>
    </message>
    <message>
        <source>Print annex…</source>
        <translation>چاپ پیوست…</translation>
    </message>
    <message>
        <source>The one-page annex of the ranking report, with these numbers.</source>
        <translation>پیوست یک‌صفحه‌ای گزارش رتبه‌بندی، با همین اعداد.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 تا %2</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>رتبه</translation>
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
        <source>Rank range</source>
        <translation>دامنهٔ رتبه</translation>
    </message>
    <message>
        <source>Guaranteed range</source>
        <translation>دامنهٔ تضمینی</translation>
    </message>
    <message>
        <source>P(top %1)</source>
        <translation>احتمال %1 رتبهٔ نخست</translation>
    </message>
    <message>
        <source>P(≥ threshold)</source>
        <translation>احتمال رسیدن به حد نصاب</translation>
    </message>
    <message>
        <source>Criterion (most influential first)</source>
        <translation>معیار (اثرگذارترین در آغاز)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>وزن</translation>
    </message>
    <message>
        <source>Mean rank change, +%1</source>
        <translation>میانگین جابه‌جایی با افزایش %1 واحد</translation>
    </message>
    <message>
        <source>Mean rank change, −%1</source>
        <translation>میانگین جابه‌جایی با کاهش %1 واحد</translation>
    </message>
    <message>
        <source>Dossiers that move</source>
        <translation>پرونده‌های جابه‌جاشده</translation>
    </message>
    <message>
        <source>Reading the criterion scores…</source>
        <translation>خواندن امتیاز معیارها…</translation>
    </message>
    <message>
        <source>Ranking under the weights around the current ones…</source>
        <translation>رتبه‌بندی با وزن‌های پیرامون وزن‌های جاری…</translation>
    </message>
    <message>
        <source>Computing the sensitivity…</source>
        <translation>محاسبهٔ حساسیت…</translation>
    </message>
    <message>
        <source>%1 ranked dossiers (%2), criteria set version %3, threshold %4; %5 corners and %6 random draws; the range seen equals the guaranteed range for %7 of them.</source>
        <translation>%1 پروندهٔ رتبه‌دار (%2)، مجموعهٔ معیارها نسخهٔ %3، حد نصاب %4؛ %5 گوشه و %6 نمونهٔ تصادفی؛ دامنهٔ دیده‌شدهٔ %7 پرونده برابر دامنهٔ تضمینی است.</translation>
    </message>
    <message>
        <source>national</source>
        <translation>کشوری</translation>
    </message>
    <message>
        <source>Rank range: the best and worst rank seen (ranks that really occur). Guaranteed range: no weight within ±N points ranks the dossier outside it (exact pairwise test).</source>
        <translation>دامنهٔ رتبه: بهترین و بدترین رتبه‌ای که دیده شد (رتبه‌هایی که واقعاً رخ می‌دهند). دامنهٔ تضمینی: هیچ وزنی در دامنهٔ بررسی‌شده پرونده را بیرون از آن رتبه نمی‌دهد (آزمون دقیق دوبه‌دو).</translation>
    </message>
    <message>
        <source>Too many dossiers for the pairwise test: the guaranteed range is 1 to the last.</source>
        <translation>پرونده‌ها برای آزمون دوبه‌دو بسیارند: دامنهٔ تضمینی از ۱ تا آخرین رتبه است.</translation>
    </message>
    <message>
        <source>* scored against an earlier criteria set; re-weighted here with the current weights.</source>
        <translation>* امتیاز با مجموعهٔ معیارهای پیشین داده شده و اینجا با وزن‌های جاری بازوزن شده است.</translation>
    </message>
    <message>
        <source>* its criterion scores are not in this office; its recorded score is held under every weight.</source>
        <translation>* امتیاز معیارهای این پرونده در این دفتر نیست؛ امتیاز ثبت‌شده‌اش در همهٔ وزن‌ها ثابت می‌ماند.</translation>
    </message>
    <message>
        <source>The data changed since this was computed: press Compute again.</source>
        <translation>داده‌ها پس از این محاسبه تغییر کرده است؛ دوباره «محاسبه» را بزنید.</translation>
    </message>
</context>
</TS>