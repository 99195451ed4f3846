<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SyncEnrollDialog</name>
    <message>
        <source>Enrol an office's certificate</source>
        <translation>ثبت گواهی دفتر دیگر</translation>
    </message>
    <message>
        <source>Fingerprint of this certificate:</source>
        <translation>اثر انگشت این گواهی:</translation>
    </message>
    <message>
        <source>Call that office on a number you already know (not one written in the e-mail that brought the file) and read the eight groups to each other. Enrol only if every group matches: a certificate with another fingerprint may come from someone else, and bundles signed with it would be accepted.</source>
        <translation>با شماره‌ای که از پیش می‌شناسید (نه شماره‌ای که در رایانامهٔ همراه فایل آمده) با آن دفتر تماس بگیرید و هشت گروه را برای هم بخوانید. فقط اگر همهٔ گروه‌ها یکی بود ثبت کنید: گواهی با اثر انگشت دیگر ممکن است از کس دیگری باشد و بسته‌های امضاشده با آن پذیرفته می‌شود.</translation>
    </message>
    <message>
        <source>I compared this fingerprint with the office by phone and it matches</source>
        <translation>این اثر انگشت را تلفنی با آن دفتر مقایسه کردم و یکی است</translation>
    </message>
</context>
</TS>