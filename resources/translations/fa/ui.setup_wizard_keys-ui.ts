<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SetupKeysPage</name>
    <message>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <source>Fill the office with sample data (for training and trying things out)</source>
        <translation>پر کردن دفتر با دادهٔ نمونه (برای آموزش و آزمودن)</translation>
    </message>
    <message>
        <source>Create the office and its keys</source>
        <translation>ساخت دفتر و کلیدهای آن</translation>
    </message>
    <message>
        <source>Key fingerprint of this office</source>
        <translation>اثر انگشت کلید این دفتر</translation>
    </message>
    <message>
        <source>Read these eight groups aloud by telephone to the office that enrolls your certificate (the Trade Promotion Organization or a province); they compare them with what their screen shows before they trust your bundles.</source>
        <translation>این هشت گروه را تلفنی برای دفتری که گواهی شما را ثبت می‌کند (سازمان توسعه تجارت یا استان) بخوانید؛ آن‌ها پیش از اعتماد به بسته‌های شما، این را با آنچه روی صفحهٔ خودشان است مقایسه می‌کنند.</translation>
    </message>
</context>
</TS>