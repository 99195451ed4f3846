<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>NationalMapView</name>
    <message>
        <source>Colour the provinces by:</source>
        <translation>رنگ استان‌ها بر پایهٔ:</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>ذخیره به صورت PNG…</translation>
    </message>
    <message>
        <source>Point at a province for its figures; click it to list its dossiers.</source>
        <translation>نشانگر را روی استان ببرید تا ارقامش را ببینید؛ با کلیک، فهرست پرونده‌هایش باز می‌شود.</translation>
    </message>
    <message>
        <source>Provinces by %1</source>
        <translation>استان‌ها بر پایهٔ %1</translation>
    </message>
    <message>
        <source>Save the map as PNG</source>
        <translation>ذخیرهٔ نقشه به صورت PNG</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>ذخیره به صورت PNG</translation>
    </message>
    <message>
        <source>The image could not be saved there.</source>
        <translation>تصویر در آن جا ذخیره نشد.</translation>
    </message>
</context>
</TS>