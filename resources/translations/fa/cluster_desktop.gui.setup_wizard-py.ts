<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>نخستین مدیر سامانه</translation>
    </message>
    <message>
        <source>The username uses Latin letters (e.g. admin).</source>
        <translation>نام کاربری با حروف لاتین نوشته می‌شود (مانند admin).</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Keys and fingerprint</source>
        <translation>کلیدها و اثر انگشت</translation>
    </message>
    <message>
        <source>Ready to create the office «%1» with the administrator «%2». Signing and encryption keys are made now and kept encrypted under the administrator&apos;s password.</source>
        <translation>دفتر «%1» با مدیر سامانه «%2» ساخته می‌شود. کلیدهای امضا و رمزگذاری هم‌اکنون ساخته و با گذرواژهٔ مدیر سامانه رمزگذاری‌شده نگهداری می‌شوند.</translation>
    </message>
    <message>
        <source>Making the office keys…</source>
        <translation>در حال ساخت کلیدهای دفتر…</translation>
    </message>
    <message>
        <source>Filling in sample data…</source>
        <translation>در حال ساخت دادهٔ نمونه…</translation>
    </message>
    <message>
        <source>The office is ready.</source>
        <translation>دفتر آماده است.</translation>
    </message>
    <message>
        <source>%1 sample dossiers were made.</source>
        <translation>%1 پروندهٔ نمونه ساخته شد.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Which office is this?</source>
        <translation>این کدام دفتر است؟</translation>
    </message>
    <message>
        <source>— choose the province —</source>
        <translation>— استان را انتخاب کنید —</translation>
    </message>
</context>
<context>
    <name>SecretariatPage</name>
    <message>
        <source>The secretariat</source>
        <translation>دبیرخانه</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Setting up Cluster Desktop</source>
        <translation>راه‌اندازی میزکار خوشه</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>بازگردانی از پشتیبان…</translation>
    </message>
    <message>
        <source>This office was backed up before: bring it back here from its backup file.</source>
        <translation>اگر از این دفتر پیش‌تر پشتیبان گرفته شده، آن را از پروندهٔ پشتیبانش به این رایانه بازگردانید.</translation>
    </message>
    <message>
        <source>Cancel setup</source>
        <translation>انصراف از راه‌اندازی</translation>
    </message>
    <message>
        <source>Stop setting up the office? What you typed is lost.</source>
        <translation>راه‌اندازی دفتر متوقف شود؟ آنچه وارد کرده‌اید از دست می‌رود.</translation>
    </message>
</context>
</TS>
