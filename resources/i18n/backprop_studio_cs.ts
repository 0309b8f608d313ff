<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ">
<context>
    <name>DataPanel</name>
    <message numerus="yes">
        <location filename="../../gui/panels/data.py" line="216"/>
        <source>%n training sample(s)</source>
        <translation>
            <numerusform>%n trénovací vzorek</numerusform>
            <numerusform>%n trénovací vzorky</numerusform>
            <numerusform>%n trénovacích vzorků</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/data.py" line="217"/>
        <source>%n input(s)</source>
        <translation>
            <numerusform>%n vstup</numerusform>
            <numerusform>%n vstupy</numerusform>
            <numerusform>%n vstupů</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panels/data.py" line="218"/>
        <source>%n target column(s)</source>
        <translation>
            <numerusform>%n cílový sloupec</numerusform>
            <numerusform>%n cílové sloupce</numerusform>
            <numerusform>%n cílových sloupců</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GradientCheck</name>
    <message numerus="yes">
        <location filename="../../gui/panels/gradcheck.py" line="119"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n vzorek</numerusform>
            <numerusform>%n vzorky</numerusform>
            <numerusform>%n vzorků</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../gui/about.py" line="49"/>
        <source>Learn and teach how neural networks learn: every number of every forward and backward step, as the course notes write it.</source>
        <translation>Naučte se a vyučujte, jak se neuronové sítě učí: každé číslo každého kroku dopředného i zpětného průchodu, tak jak ho zapisují skripta kurzu.</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="51"/>
        <source>Built on:</source>
        <translation>Postaveno na:</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="51"/>
        <source>component</source>
        <translation>součást</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="51"/>
        <source>version</source>
        <translation>verze</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="52"/>
        <source>licence</source>
        <translation>licence</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="61"/>
        <source>About Backprop Studio</source>
        <translation>O aplikaci Backprop Studio</translation>
    </message>
</context>
<context>
    <name>activations</name>
    <message>
        <location filename="../../core/activations.py" line="96"/>
        <source>the {0} activation has no gradient</source>
        <extracomment>ELU and SELU constants as the lecture (seed 002) writes them. f for the training loop, which holds np.errstate(all=&quot;ignore&quot;) (see core.kernel)</extracomment>
        <translation>aktivace {0} nemá gradient</translation>
    </message>
    <message>
        <location filename="../../core/activations.py" line="330"/>
        <source>unknown activation {0!r}; known: {1}</source>
        <translation>neznámá aktivace {0!r}; známé: {1}</translation>
    </message>
</context>
<context>
    <name>challenges</name>
    <message>
        <location filename="../../gui/panels/challenges.py" line="48"/>
        <source>This project has no challenges. A lecturer adds them with File → Save as lesson…</source>
        <translation>Tento projekt nemá žádné úkoly. Vyučující je přidá příkazem Soubor → Uložit jako lekci…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="73"/>
        <source>Challenge {0}</source>
        <translation>Úkol {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="83"/>
        <source>What the check requires</source>
        <translation>Co kontrola požaduje</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="84"/>
        <source>Check</source>
        <translation>Zkontrolovat</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="85"/>
        <source>Evaluate the goal on the network and data as they are now</source>
        <translation>Vyhodnotit cíl na síti a datech v současném stavu</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="90"/>
        <source>Show solution</source>
        <translation>Ukázat řešení</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="119"/>
        <source>Done!</source>
        <translation>Splněno!</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="119"/>
        <source>Not yet.</source>
        <translation>Zatím ne.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="125"/>
        <source>Show the solution?</source>
        <translation>Ukázat řešení?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="126"/>
        <source>Show the lecturer&apos;s solution to this challenge?</source>
        <translation>Ukázat řešení tohoto úkolu od vyučujícího?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="140"/>
        <source>Save as lesson</source>
        <translation>Uložit jako lekci</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="154"/>
        <source>Shown in the Lesson panel; simple HTML (bold, lists, links) is allowed</source>
        <translation>Zobrazí se v panelu Lekce; jednoduché HTML (tučné písmo, seznamy, odkazy) je povoleno</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="156"/>
        <source>&amp;Name:</source>
        <translation>&amp;Název:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="157"/>
        <source>&amp;Description:</source>
        <translation>&amp;Popis:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="159"/>
        <source>Controls the student may use</source>
        <translation>Ovládací prvky, které student smí používat</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="169"/>
        <source>Hide what is not allowed (rather than greying it out)</source>
        <translation>Skrýt, co není povoleno (místo zašednutí)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="175"/>
        <source>title</source>
        <translation>název</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="176"/>
        <source>check</source>
        <translation>kontrola</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="177"/>
        <source>solution</source>
        <translation>řešení</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="179"/>
        <source>A check is e.g. test_loss &lt; 0.1 and hidden_neurons &lt;= 4</source>
        <translation>Kontrola je např. test_loss &lt; 0.1 and hidden_neurons &lt;= 4</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="183"/>
        <source>Challenges (check: QUANTITY OP NUMBER joined by &apos;and&apos;; e.g. accuracy &gt;= 100% and hidden_layers == 0)</source>
        <translation>Úkoly (kontrola: VELIČINA OP ČÍSLO spojené slovem &apos;and&apos;; např. accuracy &gt;= 100% and hidden_layers == 0)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="189"/>
        <source>&amp;Add a challenge</source>
        <translation>Přid&amp;at úkol</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="191"/>
        <source>&amp;Remove the selected</source>
        <translation>Odst&amp;ranit vybraný</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="244"/>
        <source>Give the lesson a name</source>
        <translation>Pojmenujte lekci</translation>
    </message>
    <message>
        <location filename="../../gui/panels/challenges.py" line="249"/>
        <source>Save the lesson</source>
        <translation>Uložit lekci</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <location filename="../../core/checks.py" line="30"/>
        <source>{0} must be a whole number; got {1}</source>
        <translation>{0} musí být celé číslo; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="33"/>
        <source>{0} must be from {1} to {2}; got {3}</source>
        <translation>{0} musí být od {1} do {2}; zadáno {3}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="42"/>
        <source>{0} must be a number; got {1}</source>
        <translation>{0} musí být číslo; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="46"/>
        <source>{0} is too large; got {1}</source>
        <translation>{0} je příliš velké; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="49"/>
        <source>{0} must be a finite number; got {1}</source>
        <translation>{0} musí být konečné číslo; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="51"/>
        <source>{0} must be a positive number; got {1:g}</source>
        <translation>{0} musí být kladné číslo; zadáno {1:g}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="54"/>
        <source>{0} must be from {1:g} to {2:g}; got {3:g}</source>
        <translation>{0} musí být od {1:g} do {2:g}; zadáno {3:g}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="62"/>
        <source>{0} must be True or False; got {1}</source>
        <translation>{0} musí být True nebo False; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="70"/>
        <source>{0} must be one of {1}; got {2}</source>
        <translation>{0} musí být jedno z {1}; zadáno {2}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="85"/>
        <location filename="../../core/checks.py" line="88"/>
        <source>{0}: {1} is not a number</source>
        <translation>{0}: {1} není číslo</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="98"/>
        <source>{0} must be an array of real numbers</source>
        <translation>{0} musí být pole reálných čísel</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="103"/>
        <source>{0} must hold real numbers; it holds {1}</source>
        <translation>{0} musí obsahovat reálná čísla; obsahuje {1}</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../main.py" line="23"/>
        <source>cannot write {0}: {1}</source>
        <translation>nelze zapsat {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="45"/>
        <source>{0} (see --help)</source>
        <translation>{0} (viz --help)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="56"/>
        <source>{0}: {1} is not a whole number</source>
        <translation>{0}: {1} není celé číslo</translation>
    </message>
    <message>
        <location filename="../../main.py" line="58"/>
        <source>{0}: {1} is not a number</source>
        <translation>{0}: {1} není číslo</translation>
    </message>
    <message>
        <location filename="../../main.py" line="60"/>
        <source>{0}: {1} is not one of {2}</source>
        <translation>{0}: {1} není žádná z možností {2}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="61"/>
        <source>{0} needs a value</source>
        <translation>{0} potřebuje hodnotu</translation>
    </message>
    <message>
        <location filename="../../main.py" line="63"/>
        <source>{0} needs {1} values</source>
        <translation>{0} potřebuje {1} hodnoty</translation>
    </message>
    <message>
        <location filename="../../main.py" line="64"/>
        <source>unknown arguments: {0}</source>
        <translation>neznámé argumenty: {0}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="66"/>
        <source>{0} could be any of {1}</source>
        <translation>{0} může znamenat kterýkoli z: {1}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="86"/>
        <source>Backprop Studio: watch a neural network learn.

  python main.py                                  the window, with the XOR lesson
  python main.py PROJECT.json                     open a saved project
  python main.py PROJECT.json --train 5000 --save OUT.json     train and save, no window
  python main.py --lesson hand_note               another built-in lesson
  python main.py --lesson xor --train 2000 --screenshot out.png --view decision
  python main.py --lesson hand_note --export-trace step.md     (or step.tex, step.pdf; no window)
  python main.py --lesson mazur --lecture --phase 12 --scale 2.5 --fullscreen --screenshot s.png
  python main.py --lesson xor --view decision --record out.gif --train 3000 --frames 60
  python main.py --lesson xor --compare lr=0.1,1,10 --train 2000 --screenshot cmp.png</source>
        <translation>Backprop Studio: sledujte, jak se neuronová síť učí.

  python main.py                                  okno s lekcí XOR
  python main.py PROJECT.json                     otevře uložený projekt
  python main.py PROJECT.json --train 5000 --save OUT.json     natrénuje a uloží, bez okna
  python main.py --lesson hand_note               jiná vestavěná lekce
  python main.py --lesson xor --train 2000 --screenshot out.png --view decision
  python main.py --lesson hand_note --export-trace step.md     (nebo step.tex, step.pdf; bez okna)
  python main.py --lesson mazur --lecture --phase 12 --scale 2.5 --fullscreen --screenshot s.png
  python main.py --lesson xor --view decision --record out.gif --train 3000 --frames 60
  python main.py --lesson xor --compare lr=0.1,1,10 --train 2000 --screenshot cmp.png</translation>
    </message>
    <message>
        <location filename="../../main.py" line="124"/>
        <source>usage: </source>
        <translation>použití: </translation>
    </message>
    <message>
        <location filename="../../main.py" line="138"/>
        <source>show this help and exit</source>
        <translation>vypíše tuto nápovědu a skončí</translation>
    </message>
    <message>
        <location filename="../../main.py" line="140"/>
        <source>show the version and exit</source>
        <translation>vypíše verzi a skončí</translation>
    </message>
    <message>
        <location filename="../../main.py" line="141"/>
        <source>PROJECT.json</source>
        <translation>PROJEKT.json</translation>
    </message>
    <message>
        <location filename="../../main.py" line="142"/>
        <source>a project file to open</source>
        <translation>soubor projektu, který se otevře</translation>
    </message>
    <message>
        <location filename="../../main.py" line="143"/>
        <source>LESSON</source>
        <translation>LEKCE</translation>
    </message>
    <message>
        <location filename="../../main.py" line="144"/>
        <source>built-in lesson to open (default: xor)</source>
        <translation>vestavěná lekce, která se otevře (výchozí: xor)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="146"/>
        <source>train (--train) and save, with no window</source>
        <translation>natrénuje (--train) a uloží, bez okna</translation>
    </message>
    <message>
        <location filename="../../main.py" line="147"/>
        <source>EPOCHS</source>
        <translation>EPOCHY</translation>
    </message>
    <message>
        <location filename="../../main.py" line="148"/>
        <source>train this many epochs first</source>
        <translation>nejprve natrénuje tolik epoch</translation>
    </message>
    <message>
        <location filename="../../main.py" line="150"/>
        <source>render to a PNG and exit (no screen needed)</source>
        <translation>vykreslí do PNG a skončí (obrazovka není potřeba)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="152"/>
        <source>write the next sample&apos;s training step, every number, and exit (.tex: a LaTeX document; .pdf: a printable handout)</source>
        <translation>zapíše trénovací krok dalšího vzorku, každé číslo, a skončí (.tex: dokument LaTeX; .pdf: podklad k tisku)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="155"/>
        <source>with --export-trace OUT.tex: the LaTeX sections alone, to paste into your own notes</source>
        <translation>s --export-trace OUT.tex: jen oddíly LaTeXu, k vložení do vlastních poznámek</translation>
    </message>
    <message>
        <location filename="../../main.py" line="158"/>
        <source>significant digits in traces (2-12; 4)</source>
        <translation>platné číslice ve výpisech kroku (2-12; 4)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="159"/>
        <source>start in lecture mode</source>
        <translation>spustí se v režimu výkladu</translation>
    </message>
    <message>
        <location filename="../../main.py" line="161"/>
        <source>lecture phase to show, from 1 (starts lecture mode)</source>
        <translation>fáze výkladu, která se ukáže, od 1 (spustí režim výkladu)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="162"/>
        <source>SCALE</source>
        <translation>MĚŘÍTKO</translation>
    </message>
    <message>
        <location filename="../../main.py" line="163"/>
        <source>font/zoom scale, 1.0 to 2.5</source>
        <translation>měřítko písma a zobrazení, 1.0 až 2.5</translation>
    </message>
    <message>
        <location filename="../../main.py" line="165"/>
        <source>white on black, for projectors</source>
        <translation>bílá na černé, pro projektory</translation>
    </message>
    <message>
        <location filename="../../main.py" line="166"/>
        <source>start full screen</source>
        <translation>spustí se na celou obrazovku</translation>
    </message>
    <message>
        <location filename="../../main.py" line="167"/>
        <source>VIEW</source>
        <translation>POHLED</translation>
    </message>
    <message>
        <location filename="../../main.py" line="168"/>
        <source>what --screenshot renders: window (the default) or one view: {0}</source>
        <translation>co --screenshot vykreslí: window (celé okno, výchozí) nebo jeden pohled: {0}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="171"/>
        <source>train (--train EPOCHS) while recording the view (--view) as an animated GIF or APNG, and exit</source>
        <translation>trénuje (--train EPOCHY) a přitom nahrává pohled (--view) jako animovaný GIF nebo APNG, pak skončí</translation>
    </message>
    <message>
        <location filename="../../main.py" line="174"/>
        <source>frames --record writes (2-2000; 60)</source>
        <translation>počet snímků, které --record zapíše (2-2000; 60)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="175"/>
        <source>SETTING=V1,V2,...</source>
        <translation>NASTAVENÍ=H1,H2,...</translation>
    </message>
    <message>
        <location filename="../../main.py" line="176"/>
        <source>compare runs differing in one setting (lr, optimizer, seed, activation, hidden, features), e.g. lr=0.1,1,10; --train trains each, --screenshot renders the comparison</source>
        <translation>porovná běhy lišící se v jednom nastavení (lr, optimizer, seed, activation, hidden, features), např. lr=0.1,1,10; --train natrénuje každý, --screenshot vykreslí porovnání</translation>
    </message>
    <message>
        <location filename="../../main.py" line="179"/>
        <source>CODE</source>
        <translation>KÓD</translation>
    </message>
    <message>
        <location filename="../../main.py" line="180"/>
        <source>the interface&apos;s (and --export-trace&apos;s) language: en or cs (default: the one chosen under View → Language, else the system&apos;s)</source>
        <translation>jazyk rozhraní (i --export-trace): en nebo cs (výchozí: zvolený v Zobrazení → Jazyk, jinak systémový)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="184"/>
        <source>the decision map over x1 from X0 to X1 and x2 from Y0 to Y1 (saved with the project)</source>
        <translation>rozhodovací mapa přes x1 od X0 do X1 a x2 od Y0 do Y1 (uloží se s projektem)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="129"/>
        <source>arguments</source>
        <translation>argumenty</translation>
    </message>
    <message>
        <location filename="../../main.py" line="130"/>
        <source>options</source>
        <translation>volby</translation>
    </message>
    <message>
        <location filename="../../main.py" line="239"/>
        <source>--export-trace needs a .md, .tex or .pdf file name</source>
        <translation>--export-trace potřebuje název souboru .md, .tex nebo .pdf</translation>
    </message>
    <message>
        <location filename="../../main.py" line="311"/>
        <source>its name must end in an image type, as .png or .jpg; got {0}</source>
        <translation>jeho název musí končit typem obrázku, např. .png nebo .jpg; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="315"/>
        <source>no folder {0}</source>
        <translation>složka {0} neexistuje</translation>
    </message>
    <message>
        <location filename="../../main.py" line="317"/>
        <source>the folder {0} cannot be written to</source>
        <translation>do složky {0} nelze zapisovat</translation>
    </message>
    <message>
        <location filename="../../main.py" line="342"/>
        <source>no lesson called {0}; lessons: {1}</source>
        <translation>žádná lekce se nejmenuje {0}; lekce: {1}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="373"/>
        <source>trained {0} epochs to epoch {1}, loss {2}; saved {3}</source>
        <translation>natrénováno epoch: {0}, nyní epocha {1}, ztráta {2}; uloženo {3}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="404"/>
        <source>cannot record to {0}: {1}</source>
        <translation>nelze nahrávat do {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="433"/>
        <source>{0} must be from {1} to {2}; got {3}</source>
        <translation>{0} musí být od {1} do {2}; zadáno {3}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="437"/>
        <source>--sections goes with --export-trace OUT.tex (the LaTeX sections alone)</source>
        <translation>--sections patří k --export-trace OUT.tex (jen oddíly LaTeXu)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="441"/>
        <source>--record needs --train EPOCHS (the training it records)</source>
        <translation>--record potřebuje --train EPOCHY (trénování, které nahraje)</translation>
    </message>
    <message>
        <location filename="../../main.py" line="505"/>
        <source>--phase must be from 1 to {0} for this project; got {1}</source>
        <translation>--phase musí být pro tento projekt od 1 do {0}; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="507"/>
        <source>this project has no training step for lecture mode to show</source>
        <translation>tento projekt nemá žádný krok trénování, který by režim výkladu ukázal</translation>
    </message>
    <message>
        <location filename="../../main.py" line="518"/>
        <source>cannot compare: {0}</source>
        <translation>nelze porovnat: {0}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../gui/commands.py" line="27"/>
        <location filename="../../gui/commands.py" line="114"/>
        <source>Set {0} to {1}</source>
        <translation>Nastavit {0} na {1}</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="50"/>
        <source>Freeze {0}</source>
        <translation>Zmrazit {0}</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="51"/>
        <source>Unfreeze {0}</source>
        <translation>Uvolnit {0}</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="72"/>
        <source>shuffling</source>
        <translation>míchání</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="97"/>
        <source>on</source>
        <translation>zapnuto</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="97"/>
        <source>off</source>
        <translation>vypnuto</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="149"/>
        <source>Name parameters {0}</source>
        <translation>Pojmenovat parametry {0}</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <location filename="../../core/compare.py" line="51"/>
        <source>write a comparison as SETTING=V1,V2,... (e.g. lr=0.1,1,10); got {0!r}</source>
        <translation>porovnání se zapisuje jako NASTAVENÍ=H1,H2,... (např. lr=0.1,1,10); zadáno {0!r}</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="56"/>
        <source>cannot compare {0!r}; settings that can be compared: {1}</source>
        <translation>{0!r} nelze porovnávat; porovnat lze nastavení: {1}</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="60"/>
        <source>an empty value in {0!r}</source>
        <translation>prázdná hodnota v {0!r}</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="62"/>
        <source>compare {0} to {1} values; got {2}</source>
        <translation>porovnejte {0} až {1} hodnot; zadáno {2}</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="65"/>
        <source>the values of {0} repeat</source>
        <translation>hodnoty {0} se opakují</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="95"/>
        <source>{0} must be a whole number from {1} to {2}; got {3!r}</source>
        <translation>{0} musí být celé číslo od {1} do {2}; zadáno {3!r}</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="120"/>
        <source>unknown activation {0!r}; known: {1}</source>
        <translation>neznámá aktivace {0!r}; známé: {1}</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="123"/>
        <location filename="../../core/compare.py" line="129"/>
        <source>the network has no hidden layer</source>
        <translation>síť nemá žádnou skrytou vrstvu</translation>
    </message>
    <message>
        <location filename="../../core/compare.py" line="137"/>
        <source>{0} = {1}: {2}</source>
        <translation>{0} = {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="86"/>
        <source>Open as project</source>
        <translation>Otevřít jako projekt</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="87"/>
        <source>Make this run, trained as far as it is, the main window&apos;s project</source>
        <translation>Udělat z tohoto běhu, natrénovaného tak daleko, jak je, projekt hlavního okna</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="191"/>
        <source>Compare runs: {0} — {1}</source>
        <translation>Porovnání běhů: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="194"/>
        <location filename="../../gui/plots/compare.py" line="222"/>
        <source>Play</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="195"/>
        <source>Train every run together until paused</source>
        <translation>Trénovat všechny běhy společně až do pozastavení</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="196"/>
        <source>Epochs the Train button trains each run</source>
        <translation>Kolik epoch natrénuje tlačítko Trénovat každý běh</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="197"/>
        <source>Train</source>
        <translation>Trénovat</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="198"/>
        <source>Train every run this many epochs (Pause stops early)</source>
        <translation>Natrénovat každý běh o tolik epoch (Pozastavit zastaví dříve)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="200"/>
        <source>log scale</source>
        <translation>logaritmická osa</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="201"/>
        <source>epoch</source>
        <translation>epocha</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="202"/>
        <source>loss E</source>
        <translation>ztráta E</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="203"/>
        <source>The maps need two inputs and one class output; the loss curves compare the runs.</source>
        <translation>Mapy potřebují dva vstupy a jeden výstup třídy; běhy porovnávají křivky ztráty.</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="193"/>
        <location filename="../../gui/plots/compare.py" line="222"/>
        <source>Pause</source>
        <translation>Pozastavit</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="268"/>
        <source>epoch {0}</source>
        <translation>epocha {0}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="290"/>
        <source>diverged: stopped</source>
        <translation>divergoval: zastaven</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="298"/>
        <source>loss of each run ({0})</source>
        <translation>ztráta každého běhu ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="342"/>
        <source>Compare runs</source>
        <translation>Porovnat běhy</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="345"/>
        <source>learning rate</source>
        <translation>rychlost učení</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="345"/>
        <source>optimiser</source>
        <translation>optimalizátor</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="346"/>
        <source>initial seed</source>
        <translation>počáteční semínko</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="347"/>
        <source>hidden activation</source>
        <translation>skrytá aktivace</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="348"/>
        <source>hidden layer size</source>
        <translation>velikost skryté vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="349"/>
        <source>input features</source>
        <translation>vstupní příznaky</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="352"/>
        <source>The one setting the runs differ in; everything else, the initial weights too, is the project&apos;s</source>
        <translation>Jediné nastavení, ve kterém se běhy liší; vše ostatní, i počáteční váhy, je z projektu</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="354"/>
        <source>&amp;Setting:</source>
        <translation>&amp;Nastavení:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="356"/>
        <source>2 to 6 values, separated by commas (features: inputs joined by +)</source>
        <translation>2 až 6 hodnot oddělených čárkami (příznaky: vstupy spojené znakem +)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="358"/>
        <source>&amp;Values:</source>
        <translation>&amp;Hodnoty:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/compare.py" line="364"/>
        <source>Compare</source>
        <translation>Porovnat</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <location filename="../../gui/controller.py" line="32"/>
        <source>1 epoch/s</source>
        <translation>1 epocha/s</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="33"/>
        <location filename="../../gui/controller.py" line="42"/>
        <source>{0} epochs/s</source>
        <translation>{0} epoch/s</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="34"/>
        <source>as fast as it goes</source>
        <translation>co nejrychleji</translation>
    </message>
</context>
<context>
    <name>csvio</name>
    <message>
        <location filename="../../core/csvio.py" line="53"/>
        <source>line {0}, column {1} ({2}): {3} is not a number</source>
        <translation>řádek {0}, sloupec {1} ({2}): {3} není číslo</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="57"/>
        <source>line {0}, column {1} ({2}): {3} is not allowed (only finite numbers)</source>
        <translation>řádek {0}, sloupec {1} ({2}): {3} není povoleno (jen konečná čísla)</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="65"/>
        <source>line 1: the file is empty; it needs a header such as x1,x2,y</source>
        <translation>řádek 1: soubor je prázdný; potřebuje záhlaví, např. x1,x2,y</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="68"/>
        <source>line 1, column 1: this is not a text CSV file (it holds binary data)</source>
        <translation>řádek 1, sloupec 1: toto není textový soubor CSV (obsahuje binární data)</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="99"/>
        <source>line 1: a quote opened on this line is never closed</source>
        <translation>řádek 1: uvozovky otevřené na tomto řádku nejsou nikde uzavřeny</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="101"/>
        <source>line 1: {0}</source>
        <translation>řádek 1: {0}</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="83"/>
        <source>line 1: the header must name the input columns first, then the targets: x1,x2,…,y or x1,…,y1,y2,… (found {0})</source>
        <translation>řádek 1: záhlaví musí jmenovat nejprve vstupní sloupce, pak cíle: x1,x2,…,y nebo x1,…,y1,y2,… (nalezeno {0})</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="87"/>
        <source>line 1: a column name appears twice</source>
        <translation>řádek 1: název sloupce se vyskytuje dvakrát</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="210"/>
        <source>line {0}, column {1} ({2}): the target is empty</source>
        <translation>řádek {0}, sloupec {1} ({2}): cíl je prázdný</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="217"/>
        <source>line {0}, column {1} ({2}): {3} is not allowed (only finite numbers or class names)</source>
        <translation>řádek {0}, sloupec {1} ({2}): {3} není povoleno (jen konečná čísla nebo názvy tříd)</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="223"/>
        <source>line {0}, column {1} ({2}): more than {3} different class names</source>
        <translation>řádek {0}, sloupec {1} ({2}): více než {3} různých názvů tříd</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="240"/>
        <source>line {0}: a quote opened on this line is never closed</source>
        <translation>řádek {0}: uvozovky otevřené na tomto řádku nejsou nikde uzavřeny</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="242"/>
        <location filename="../../core/csvio.py" line="262"/>
        <source>line {0}: {1}</source>
        <translation>řádek {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="247"/>
        <source>line {0}: expected {1} columns ({2}), found {3}</source>
        <translation>řádek {0}: očekáváno {1} sloupců ({2}), nalezeno {3}</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="257"/>
        <source>line {0}: more than {1:,} samples</source>
        <translation>řádek {0}: více než {1:,} vzorků</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="264"/>
        <source>line 2: no samples after the header</source>
        <translation>řádek 2: za záhlavím nejsou žádné vzorky</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="307"/>
        <source>line 1: {0} is {1:.0f} MiB; data files are limited to {2} MiB</source>
        <translation>řádek 1: {0} má {1:.0f} MiB; datové soubory jsou omezeny na {2} MiB</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="312"/>
        <source>cannot read {0}: {1}</source>
        <translation>nelze číst {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../core/csvio.py" line="319"/>
        <source>line {0}, column {1}: not UTF-8 text</source>
        <translation>řádek {0}, sloupec {1}: není text v UTF-8</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <location filename="../../gui/panels/data.py" line="30"/>
        <source>XOR, 4 corners</source>
        <translation>XOR, 4 rohy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="31"/>
        <source>XOR cloud</source>
        <translation>XOR, mračno</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="32"/>
        <source>circle</source>
        <translation>kruh</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="33"/>
        <source>two Gaussians</source>
        <translation>dvě Gaussovy kupy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="34"/>
        <source>spiral</source>
        <translation>spirála</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="35"/>
        <source>stripe (two boundaries)</source>
        <translation>pruh (dvě hranice)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="36"/>
        <source>three blobs</source>
        <translation>tři shluky</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="37"/>
        <source>sine (regression)</source>
        <translation>sinus (regrese)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="38"/>
        <source>plane (regression)</source>
        <translation>rovina (regrese)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="39"/>
        <source>Gaussian bumps (regression)</source>
        <translation>Gaussovy hrboly (regrese)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="57"/>
        <source>Number of samples (train and test together)</source>
        <translation>Počet vzorků (trénovacích a testovacích dohromady)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="66"/>
        <source>Share of the samples held out as test data</source>
        <translation>Podíl vzorků odložených jako testovací data</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="68"/>
        <source>Generate</source>
        <translation>Vytvořit</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="69"/>
        <source>Replace the data (undoable); the network&apos;s inputs and outputs follow</source>
        <translation>Nahradit data (lze vrátit); vstupy a výstupy sítě se přizpůsobí</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="74"/>
        <source>class {0}</source>
        <translation>třída {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="75"/>
        <source>Click the decision map to add a point of this class; right-click removes the nearest point</source>
        <translation>Klepnutím do rozhodovací mapy přidáte bod této třídy; pravé tlačítko odebere nejbližší bod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="80"/>
        <source>Import CSV…</source>
        <translation>Načíst CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="81"/>
        <source>Export CSV…</source>
        <translation>Uložit CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="96"/>
        <source>in use</source>
        <translation>používaná</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="106"/>
        <source>Generate new data</source>
        <translation>Vygenerovat nová data</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="114"/>
        <source>data set</source>
        <translation>datová sada</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="115"/>
        <source>samples</source>
        <translation>vzorky</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="116"/>
        <source>noise</source>
        <translation>šum</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="117"/>
        <source>test share</source>
        <translation>podíl testu</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="118"/>
        <source>seed</source>
        <translation>semínko</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="100"/>
        <source>new points</source>
        <translation>nové body</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="98"/>
        <source>inputs</source>
        <translation>vstupy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="150"/>
        <source>Feed the network {0} (inputs the network sees; the maps stay over x1, x2)</source>
        <translation>Přivést do sítě {0} (vstupy, které síť vidí; mapy zůstávají nad x1, x2)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="213"/>
        <source>, {0} test</source>
        <translation>, {0} testovacích</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data.py" line="215"/>
        <source>{0}{1}; {2}, {3}</source>
        <translation>{0}{1}; {2}, {3}</translation>
    </message>
</context>
<context>
    <name>derivation</name>
    <message>
        <location filename="../../core/derivation.py" line="212"/>
        <source>the sigmoid/softmax factor cancels</source>
        <translation>faktor sigmoidy/softmaxu se vykrátí</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="274"/>
        <source>frozen: not trained</source>
        <translation>zmrazeno: netrénuje se</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="302"/>
        <source>Forward pass</source>
        <translation>Dopředný průchod</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="303"/>
        <source>The error</source>
        <translation>Chyba</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="304"/>
        <source>Output deltas</source>
        <translation>Delty výstupů</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="305"/>
        <source>Hidden deltas</source>
        <translation>Delty skrytých neuronů</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="306"/>
        <source>Gradients</source>
        <translation>Gradienty</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="307"/>
        <source>Updates</source>
        <translation>Aktualizace</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="378"/>
        <source>Sample {0}, target {1}, learning rate {2}, loss {3}.</source>
        <translation>Vzorek {0}, cíl {1}, rychlost učení {2}, ztráta {3}.</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="379"/>
        <source>Old → new</source>
        <translation>Staré → nové</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="379"/>
        <source>parameter</source>
        <translation>parametr</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="380"/>
        <source>old</source>
        <translation>staré</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="380"/>
        <source>new</source>
        <translation>nové</translation>
    </message>
    <message>
        <location filename="../../core/derivation.py" line="381"/>
        <source>(frozen)</source>
        <translation>(zmrazeno)</translation>
    </message>
</context>
<context>
    <name>document</name>
    <message>
        <location filename="../../gui/document.py" line="48"/>
        <source>Change the data</source>
        <translation>Změnit data</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="55"/>
        <source>Add a point</source>
        <translation>Přidat bod</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="70"/>
        <source>Inputs: {0}</source>
        <translation>Vstupy: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="79"/>
        <source>the network needs at least one input</source>
        <translation>síť potřebuje alespoň jeden vstup</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="120"/>
        <source>the data keeps at least one sample</source>
        <translation>data si ponechají alespoň jeden vzorek</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="124"/>
        <source>Remove a point</source>
        <translation>Odebrat bod</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="139"/>
        <source>Add a neuron</source>
        <translation>Přidat neuron</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="143"/>
        <source>Remove a neuron</source>
        <translation>Odebrat neuron</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="147"/>
        <source>Insert a layer</source>
        <translation>Vložit vrstvu</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="151"/>
        <source>Remove a layer</source>
        <translation>Odebrat vrstvu</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="155"/>
        <source>Set activation to {0}</source>
        <translation>Nastavit aktivaci na {0}</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="159"/>
        <source>Biases on</source>
        <translation>Prahy zapnuty</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="159"/>
        <source>Biases off</source>
        <translation>Prahy vypnuty</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="172"/>
        <source>Reset</source>
        <translation>Obnovit</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="187"/>
        <source>Re-initialise (seed {0})</source>
        <translation>Nově inicializovat (semínko {0})</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="189"/>
        <source>Re-initialised with seed {0}</source>
        <translation>Nově inicializováno se semínkem {0}</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="210"/>
        <source>Replay from epoch {0}</source>
        <translation>Přehrát od epochy {0}</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="213"/>
        <source>Replaying from epoch {0}: this snapshot, from an older project file, holds only weights, so the optimiser starts afresh</source>
        <translation>Přehrávání od epochy {0}: tento snímek ze staršího souboru projektu obsahuje jen váhy, takže optimalizátor začíná znovu</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="259"/>
        <source>Move the line of {0}</source>
        <translation>Posunout přímku {0}</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="294"/>
        <source>unknown notation {0!r}</source>
        <translation>neznámé značení {0!r}</translation>
    </message>
</context>
<context>
    <name>edit</name>
    <message>
        <location filename="../../core/edit.py" line="52"/>
        <source>only hidden layers can change size; inputs and outputs follow the data</source>
        <translation>velikost mohou měnit jen skryté vrstvy; vstupy a výstupy se řídí daty</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="55"/>
        <source>a layer needs 1 to 64 neurons; got {0}</source>
        <translation>vrstva potřebuje 1 až 64 neuronů; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="66"/>
        <source>only hidden neurons can be removed; inputs and outputs follow the data</source>
        <translation>odebrat lze jen skryté neurony; vstupy a výstupy se řídí daty</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="69"/>
        <source>a hidden layer keeps at least one neuron; remove the layer instead</source>
        <translation>skrytá vrstva si ponechá alespoň jeden neuron; odeberte raději celou vrstvu</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="82"/>
        <source>a hidden layer goes between the inputs and the outputs</source>
        <translation>skrytá vrstva patří mezi vstupy a výstupy</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="84"/>
        <source>at most 10 hidden layers</source>
        <translation>nejvýše 10 skrytých vrstev</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="99"/>
        <source>only hidden layers can be removed</source>
        <translation>odebrat lze jen skryté vrstvy</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="138"/>
        <location filename="../../core/edit.py" line="153"/>
        <source>inputs and outputs must number 1 to 256</source>
        <translation>vstupů a výstupů musí být 1 až 256</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="169"/>
        <source>{0} inputs but {1} targets</source>
        <translation>{0} vstupů, ale {1} cílů</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="175"/>
        <source>{0} test inputs but {1} test targets</source>
        <translation>{0} testovacích vstupů, ale {1} testovacích cílů</translation>
    </message>
    <message>
        <location filename="../../core/edit.py" line="179"/>
        <source>{0:,} samples; the data is limited to {1:,}</source>
        <translation>{0:,} vzorků; data jsou omezena na {1:,}</translation>
    </message>
</context>
<context>
    <name>explore</name>
    <message>
        <location filename="../../gui/plots/explore.py" line="63"/>
        <source>The parameter on the horizontal axis</source>
        <extracomment>seconds one redraw may take while the weights keep changing: a grid that took longer is drawn coarser (fewer points a side) until they settle for REFINE_MS, then in full. A third of a 60 Hz frame: a full 60 x 60 grid on the XOR net (~15 ms) held up a frame each time, and cost the 2-2-1 window ~3 of its 60 frames a second</extracomment>
        <translation>Parametr na vodorovné ose</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="64"/>
        <source>The parameter on the vertical axis (&apos;—&apos; for a 1-D curve)</source>
        <translation>Parametr na svislé ose („—“ pro jednorozměrnou křivku)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="70"/>
        <source>How far either side of the current value the grid reaches</source>
        <translation>Jak daleko na obě strany od současné hodnoty sahá mřížka</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="83"/>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="84"/>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="156"/>
        <source> (on {0:,} of {1:,} samples)</source>
        <translation> (na {0:,} z {1:,} vzorků)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="179"/>
        <source>E along {0} (others held){1}</source>
        <translation>E podél {0} (ostatní drženy){1}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="206"/>
        <source>E over ({0}, {1}), others held; arrow: −∇E{2}</source>
        <translation>E nad ({0}, {1}), ostatní drženy; šipka: −∇E{2}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="224"/>
        <source>Red: points in training where a hidden neuron was saturated or dead (see Training health)</source>
        <translation>Červeně: místa trénování, kde byl skrytý neuron nasycený nebo mrtvý (viz Zdraví trénování)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="253"/>
        <source>Drag back through training; release at the right end for now</source>
        <translation>Táhněte zpět trénováním; pusťte na pravém konci pro současnost</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="255"/>
        <location filename="../../gui/plots/explore.py" line="304"/>
        <source>now</source>
        <translation>teď</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="257"/>
        <source>Replay</source>
        <translation>Přehrát</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="258"/>
        <source>Replay from here: make this point the present and train on from it</source>
        <translation>Přehrát odsud: udělat z tohoto bodu současnost a trénovat od něj dál</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="260"/>
        <source>Now</source>
        <translation>Teď</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="261"/>
        <source>Back to the present</source>
        <translation>Zpět do současnosti</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="274"/>
        <source>epoch</source>
        <translation>epocha</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="332"/>
        <source>train</source>
        <translation>trénovací</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="334"/>
        <source>test</source>
        <translation>testovací</translation>
    </message>
    <message>
        <location filename="../../gui/plots/explore.py" line="347"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: accuracy {1:.1%}&lt;br&gt;rows: the true class, columns: the predicted&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;{2}&lt;/tr&gt;{3}&lt;/table&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: přesnost {1:.1%}&lt;br&gt;řádky: skutečná třída, sloupce: předpovězená&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;{2}&lt;/tr&gt;{3}&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>features</name>
    <message>
        <location filename="../../core/features.py" line="122"/>
        <source>a feature is a short name such as x1, x1^2, x1*x2, sin(x1); got {0!r}</source>
        <translation>příznak je krátký název jako x1, x1^2, x1*x2, sin(x1); zadáno {0!r}</translation>
    </message>
    <message>
        <location filename="../../core/features.py" line="131"/>
        <source>feature {0} needs input x{1}, but the data has {2} input(s)</source>
        <translation>příznak {0} potřebuje vstup x{1}, ale data mají vstupů: {2}</translation>
    </message>
    <message>
        <location filename="../../core/features.py" line="135"/>
        <source>write a product with the smaller index first (x1*x2); got {0}</source>
        <translation>součin pište s menším indexem napřed (x1*x2); zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/features.py" line="138"/>
        <source>unknown feature {0!r}: use xi, xi^2, xi*xj, sin(xi) or cos(xi)</source>
        <translation>neznámý příznak {0!r}: použijte xi, xi^2, xi*xj, sin(xi) nebo cos(xi)</translation>
    </message>
    <message>
        <location filename="../../core/features.py" line="170"/>
        <source>features must list at least one input, such as [&quot;x1&quot;, &quot;x2&quot;]</source>
        <translation>příznaky musí uvádět alespoň jeden vstup, např. [&quot;x1&quot;, &quot;x2&quot;]</translation>
    </message>
    <message>
        <location filename="../../core/features.py" line="173"/>
        <source>at most {0} features; got {1}</source>
        <translation>nejvýše {0} příznaků; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/features.py" line="178"/>
        <source>a feature is listed twice</source>
        <translation>příznak je uveden dvakrát</translation>
    </message>
</context>
<context>
    <name>filedialog</name>
    <message>
        <location filename="../../gui/filedialog.py" line="24"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Hledat v:</translation>
    </message>
    <message>
        <location filename="../../gui/filedialog.py" line="25"/>
        <source>Files of &amp;type:</source>
        <translation>Soubory &amp;typu:</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location filename="../../gui/files.py" line="147"/>
        <source>Backprop Studio</source>
        <translation>Backprop Studio</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="141"/>
        <source>{0} has unsaved changes. Save them?</source>
        <translation>{0} má neuložené změny. Uložit je?</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="174"/>
        <source>Untitled</source>
        <translation>Bez názvu</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="175"/>
        <source>A new project: XOR with a 2-2-1 network.</source>
        <translation>Nový projekt: XOR se sítí 2-2-1.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="181"/>
        <source>Open a project</source>
        <translation>Otevřít projekt</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="182"/>
        <location filename="../../gui/files.py" line="198"/>
        <source>Backprop Studio (*.json)</source>
        <translation>Backprop Studio (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="197"/>
        <source>Save the project</source>
        <translation>Uložit projekt</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="227"/>
        <source>&amp;Clear the list</source>
        <translation>&amp;Vymazat seznam</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="237"/>
        <source>Backprop Studio did not close normally. Restore the work autosaved at {0}?</source>
        <translation>Backprop Studio nebylo ukončeno normálně. Obnovit práci automaticky uloženou v {0}?</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="259"/>
        <source>The recovery file could not be read: {0}</source>
        <translation>Soubor pro obnovu nelze přečíst: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="264"/>
        <source>{0} ({1}), epoch {2}</source>
        <translation>{0} ({1}), epocha {2}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="266"/>
        <source>not saved to a file</source>
        <translation>neuloženo do souboru</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="274"/>
        <source>Restored the work autosaved at {0}</source>
        <translation>Obnovena práce automaticky uložená v {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="314"/>
        <source>Autosave failed: {0}</source>
        <translation>Automatické uložení selhalo: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="319"/>
        <source>Import data</source>
        <translation>Importovat data</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="320"/>
        <source>CSV (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.tsv *.txt);;Všechny soubory (*)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="329"/>
        <source>Import {0}</source>
        <translation>Importovat {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="338"/>
        <source>CSV for a spreadsheet, semicolons and decimal commas (*.csv)</source>
        <translation>CSV pro tabulkový procesor, středníky a desetinné čárky (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="342"/>
        <source>Export data</source>
        <translation>Exportovat data</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="353"/>
        <source>Export the network</source>
        <translation>Exportovat síť</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="367"/>
        <source>Could not write {0}: {1}</source>
        <translation>Nelze zapsat {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="369"/>
        <location filename="../../gui/files.py" line="394"/>
        <source>Wrote {0}</source>
        <translation>Zapsáno {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="377"/>
        <source>Export {0}</source>
        <translation>Exportovat pohled: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="392"/>
        <source>Could not export {0}: {1}</source>
        <translation>Nelze exportovat {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="427"/>
        <source>use a .md, .tex or .pdf file name</source>
        <translation>použijte název souboru .md, .tex nebo .pdf</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="452"/>
        <source>Qt wrote nothing to {0}</source>
        <translation>Qt do {0} nic nezapsalo</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="465"/>
        <source>use a .png or .svg file name</source>
        <translation>použijte název souboru .png nebo .svg</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="467"/>
        <source>{0!r} is not a view that can be exported</source>
        <translation>{0!r} není pohled, který lze exportovat</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="479"/>
        <location filename="../../gui/files.py" line="500"/>
        <source>cannot write {0}</source>
        <translation>nelze zapsat {0}</translation>
    </message>
</context>
<context>
    <name>formula</name>
    <message>
        <location filename="../../core/formula.py" line="219"/>
        <source>unknown style {0!r}; known: {1}</source>
        <translation>neznámý styl {0!r}; známé: {1}</translation>
    </message>
</context>
<context>
    <name>gallery</name>
    <message>
        <location filename="../../gui/plots/gallery.py" line="67"/>
        <source>f(a) = {0}
f&apos;(a) = {1}  (dashed)</source>
        <translation>f(a) = {0}
f&apos;(a) = {1}  (čárkovaně)</translation>
    </message>
</context>
<context>
    <name>gradcheck</name>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="69"/>
        <source>Gradient check</source>
        <translation>Kontrola gradientu</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="125"/>
        <source> — backprop agrees.</source>
        <translation> — zpětné šíření souhlasí.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="127"/>
        <source> — backprop agrees: the larger relative differences are where ∂E/∂p is as small as the finite differences&apos; rounding noise (about {0:.0e}).</source>
        <translation> — zpětné šíření souhlasí: větší relativní rozdíly jsou tam, kde je ∂E/∂p stejně malé jako zaokrouhlovací šum konečných diferencí (asi {0:.0e}).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="131"/>
        <source> — look closer.</source>
        <translation> — podívejte se blíže.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="72"/>
        <source>parameter</source>
        <translation>parametr</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="80"/>
        <source>Finite differences: two passes over the training set for each parameter…</source>
        <translation>Konečné diference: dva průchody trénovací množinou pro každý parametr…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="70"/>
        <source>%v of %m parameters</source>
        <translation>%v z %m parametrů</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="72"/>
        <source>backprop</source>
        <translation>zpětné šíření</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="73"/>
        <source>finite difference</source>
        <translation>konečná diference</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="73"/>
        <source>relative difference</source>
        <translation>relativní rozdíl</translation>
    </message>
    <message>
        <location filename="../../gui/panels/gradcheck.py" line="117"/>
        <source>∂E/∂p at epoch {4}, on the whole training set ({0}, {1}, {2}): largest relative difference {3:.2e}</source>
        <translation>∂E/∂p v epoše {4} na celé trénovací množině ({0}, {1}, {2}): největší relativní rozdíl {3:.2e}</translation>
    </message>
</context>
<context>
    <name>handout</name>
    <message>
        <location filename="../../core/handout.py" line="47"/>
        <source>{0}: sample {1}, step {2}</source>
        <translation>{0}: vzorek {1}, krok {2}</translation>
    </message>
    <message>
        <location filename="../../core/handout.py" line="118"/>
        <source>unknown handout kind {0!r}; known: {1}</source>
        <translation>neznámý druh podkladů {0!r}; známé: {1}</translation>
    </message>
</context>
<context>
    <name>health</name>
    <message>
        <location filename="../../core/health.py" line="73"/>
        <source>the gradient of weight layer {0} exploded first (‖∂E/∂W‖ by layer: {1})</source>
        <translation>gradient váhové vrstvy {0} explodoval jako první (‖∂E/∂W‖ po vrstvách: {1})</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="183"/>
        <location filename="../../gui/plots/health.py" line="196"/>
        <source>epoch</source>
        <translation>epocha</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="194"/>
        <source>weight</source>
        <translation>váha</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="195"/>
        <source>activation</source>
        <translation>aktivace</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="203"/>
        <source>The hidden layer whose activations are shown</source>
        <translation>Skrytá vrstva, jejíž aktivace se zobrazují</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="206"/>
        <source>gradient norm by layer</source>
        <translation>norma gradientu po vrstvách</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="207"/>
        <source>weights over time</source>
        <translation>váhy v čase</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="208"/>
        <source>activations over time</source>
        <translation>aktivace v čase</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="210"/>
        <source>Which chart: per-layer gradient norms, or the distribution of the weights or of a hidden layer&apos;s activations as training goes on (brighter: more)</source>
        <translation>Který graf: normy gradientu po vrstvách, nebo rozdělení vah či aktivací skryté vrstvy v průběhu trénování (světlejší: více)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="254"/>
        <source>{0}: {1:.4g} at epoch {2}</source>
        <translation>{0}: {1:.4g} v epoše {2}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="278"/>
        <source>hidden layer {0} ({1})</source>
        <translation>skrytá vrstva {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="312"/>
        <source>The charts over time are worked out on {0:,} of the {1:,} samples, evenly spread.</source>
        <translation>Grafy v čase se počítají na {0:,} z {1:,} vzorků, rovnoměrně rozložených.</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="333"/>
        <source>Saturated (|a| &gt; 4 on most samples): {0}.</source>
        <translation>Nasycené (|a| &gt; 4 na většině vzorků): {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="336"/>
        <source>Dead ReLUs (0 on every sample): {0}.</source>
        <translation>Mrtvé ReLU (0 na každém vzorku): {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/plots/health.py" line="338"/>
        <source>No hidden neuron is saturated or dead.</source>
        <translation>Žádný skrytý neuron není nasycený ani mrtvý.</translation>
    </message>
</context>
<context>
    <name>init</name>
    <message>
        <location filename="../../core/init.py" line="30"/>
        <source>initialisation scheme</source>
        <translation>schéma inicializace</translation>
    </message>
</context>
<context>
    <name>inspector</name>
    <message>
        <location filename="../../gui/panels/inspector.py" line="39"/>
        <location filename="../../gui/panels/inspector.py" line="164"/>
        <source>Click a weight or bias on the canvas</source>
        <translation>Klepněte na váhu nebo práh na plátně</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="43"/>
        <source>The exact value; type a number and press Enter</source>
        <translation>Přesná hodnota; zadejte číslo a stiskněte Enter</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="47"/>
        <source>Drag to change the value (successive changes of one weight: one undo step)</source>
        <translation>Tažením změníte hodnotu (po sobě jdoucí změny jedné váhy: jeden krok zpět)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="52"/>
        <source>frozen</source>
        <translation>zmrazeno</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="53"/>
        <source>A frozen weight or bias is not trained: training leaves it as it is</source>
        <translation>Zmrazená váha nebo bias se netrénuje: trénování ji nechá, jak je</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="60"/>
        <source>value</source>
        <translation>hodnota</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="61"/>
        <source>adjust</source>
        <translation>doladit</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="64"/>
        <source>Layer</source>
        <translation>Vrstva</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="66"/>
        <location filename="../../gui/panels/inspector.py" line="130"/>
        <source>Click a neuron to inspect its layer</source>
        <translation>Klepnutím na neuron zobrazíte jeho vrstvu</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="72"/>
        <source>The layer&apos;s activation function</source>
        <translation>Aktivační funkce vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="74"/>
        <source>biases</source>
        <translation>prahy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="75"/>
        <source>Whether the layer&apos;s neurons have a bias</source>
        <translation>Zda mají neurony vrstvy práh</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="79"/>
        <source>Add a neuron to this hidden layer</source>
        <translation>Přidat neuron do této skryté vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="80"/>
        <source>Remove the last neuron of this hidden layer</source>
        <translation>Odebrat poslední neuron této skryté vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="84"/>
        <source>Remove layer</source>
        <translation>Odebrat vrstvu</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="92"/>
        <source>activation</source>
        <translation>aktivace</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="94"/>
        <source>neurons</source>
        <translation>neurony</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="133"/>
        <source>inputs</source>
        <translation>vstupy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="134"/>
        <source>outputs</source>
        <translation>výstupy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="135"/>
        <source>hidden layer {0}</source>
        <translation>skrytá vrstva {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="138"/>
        <source> (follow the data)</source>
        <translation> (řídí se daty)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="193"/>
        <source>none (this network cannot be trained by gradients)</source>
        <translation>žádný (tuto síť nelze trénovat gradienty)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/inspector.py" line="195"/>
        <source>{0:.6g} (whole training set)</source>
        <translation>{0:.6g} (celá trénovací sada)</translation>
    </message>
</context>
<context>
    <name>items</name>
    <message>
        <location filename="../../gui/canvas/items.py" line="82"/>
        <source>Click to select, double-click to type a value, wheel to nudge (Shift: ×10), right-click to freeze</source>
        <translation>Klepnutím vyberete, dvojklikem zadáte hodnotu, kolečkem posunete (Shift: ×10), pravým tlačítkem zmrazíte</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/items.py" line="97"/>
        <source>  (frozen)</source>
        <translation>  (zmrazeno)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/items.py" line="196"/>
        <location filename="../../gui/canvas/items.py" line="229"/>
        <source>Click to inspect this layer; right-click for the layer menu</source>
        <translation>Klepnutím zobrazíte tuto vrstvu; pravým tlačítkem nabídku vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/items.py" line="231"/>
        <source>Saturated: |a| &gt; 4 on {0:.0%} of the samples, where its slope is about 0 and it barely learns</source>
        <translation>Nasycený: |a| &gt; 4 na {0:.0%} vzorků, kde je jeho sklon téměř 0 a skoro se neučí</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/items.py" line="234"/>
        <source>Dead ReLU: 0 on every sample, so no gradient reaches its weights</source>
        <translation>Mrtvá ReLU: 0 na každém vzorku, takže k jejím vahám nedojde žádný gradient</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/items.py" line="314"/>
        <source>Right-click a neuron for the layer menu; drag this title onto the palette to remove the layer</source>
        <translation>Pravým tlačítkem na neuron otevřete nabídku vrstvy; přetažením tohoto nadpisu na paletu vrstvu odeberete</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/items.py" line="316"/>
        <source>Right-click a neuron for the layer menu</source>
        <translation>Pravým tlačítkem na neuron otevřete nabídku vrstvy</translation>
    </message>
</context>
<context>
    <name>landscape</name>
    <message>
        <location filename="../../core/landscape.py" line="65"/>
        <source>choose one or two parameters</source>
        <translation>vyberte jeden nebo dva parametry</translation>
    </message>
    <message>
        <location filename="../../core/landscape.py" line="67"/>
        <source>the grid needs 2 to 400 points a side and a positive span</source>
        <translation>mřížka potřebuje 2 až 400 bodů na stranu a kladné rozpětí</translation>
    </message>
    <message>
        <location filename="../../core/landscape.py" line="74"/>
        <source>{0} = {1:.3g} is too large to vary by ±{2:g}</source>
        <translation>{0} = {1:.3g} je příliš velké na změny o ±{2:g}</translation>
    </message>
</context>
<context>
    <name>lecture</name>
    <message>
        <location filename="../../gui/panels/lecture.py" line="54"/>
        <source>by source (w₁ x₁→h₁, w₂ x₁→h₂)</source>
        <translation>podle zdroje (w₁ x₁→h₁, w₂ x₁→h₂)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="55"/>
        <source>by target (w₁ i₁→h₁, w₂ i₂→h₁)</source>
        <translation>podle cíle (w₁ i₁→h₁, w₂ i₂→h₁)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="62"/>
        <source>all phases</source>
        <translation>všechny fáze</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="63"/>
        <source>forward pass only</source>
        <translation>jen dopředný průchod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="64"/>
        <source>backward pass only</source>
        <translation>jen zpětný průchod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="94"/>
        <source>check my calculation</source>
        <translation>zkontrolovat můj výpočet</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="95"/>
        <source>Hide each result until you type the value you computed by hand</source>
        <translation>Skrýt každý výsledek, dokud nezadáte hodnotu spočítanou ručně</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="100"/>
        <source>your value</source>
        <translation>hodnota</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="101"/>
        <source>Type the value you computed; Enter checks it</source>
        <translation>Zadejte spočítanou hodnotu; Enter ji zkontroluje</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="110"/>
        <source>parameter</source>
        <translation>parametr</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="111"/>
        <source>old</source>
        <translation>staré</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="112"/>
        <source>new</source>
        <translation>nové</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="117"/>
        <source>Significant digits of every number shown</source>
        <translation>Platné číslice každého zobrazeného čísla</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="122"/>
        <source>How parameters and neurons are named: by source (note 000), by target (note 001), w_ji (exercise 004)</source>
        <translation>Jak se jmenují parametry a neurony: podle zdroje (poznámka 000), podle cíle (poznámka 001), w_ji (cvičení 004)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="129"/>
        <source>Digits and names</source>
        <translation>Číslice a názvy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="137"/>
        <source>Step and play through every phase, the forward pass only, or the backward pass only</source>
        <translation>Krokovat a přehrávat všechny fáze, jen dopředný, nebo jen zpětný průchod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="145"/>
        <source>Slow motion shows each phase this long</source>
        <translation>Zpomalený záběr ukazuje každou fázi takto dlouho</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="147"/>
        <source>digits</source>
        <translation>číslice</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="148"/>
        <source>names</source>
        <translation>názvy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="149"/>
        <source>phases</source>
        <translation>fáze</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="150"/>
        <source>slow motion</source>
        <translation>zpomalený záběr</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="155"/>
        <source>◀ Previous</source>
        <translation>◀ Předchozí</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="156"/>
        <source>Next ▶</source>
        <translation>Další ▶</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="157"/>
        <source>Previous phase (← or Page Up)</source>
        <translation>Předchozí fáze (← nebo Page Up)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="158"/>
        <source>Next phase (→ or Page Down)</source>
        <translation>Další fáze (→ nebo Page Down)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="161"/>
        <source>Apply this step</source>
        <translation>Provést tento krok</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="162"/>
        <source>Train on this sample (the update shown), then trace the next</source>
        <translation>Trénovat na tomto vzorku (zobrazená aktualizace), pak rozepsat další</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="322"/>
        <source>Probe: x = ({0}), y = ({1}) as at the nearest sample, {2}; α = {3}, loss {4}</source>
        <translation>Sonda: x = ({0}), y = ({1}) jako u nejbližšího vzorku, {2}; α = {3}, ztráta {4}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="326"/>
        <source>Probe: x = ({0}), y = ({1}); α = {2}, loss {3}</source>
        <translation>Sonda: x = ({0}), y = ({1}); α = {2}, ztráta {3}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="329"/>
        <source>Sample {0} of {1}: x = ({2}), y = ({3}); α = {4}, loss {5}</source>
        <translation>Vzorek {0} z {1}: x = ({2}), y = ({3}); α = {4}, ztráta {5}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="420"/>
        <source>{0} / {1} · old → new{2}</source>
        <translation>{0} / {1} · staré → nové{2}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="456"/>
        <source>Page {0} / {1}: old → new</source>
        <translation>Strana {0} / {1}: staré → nové</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="460"/>
        <source>Phase {0} / {1}: {2}</source>
        <translation>Fáze {0} / {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="471"/>
        <source>Score: {0} / {1} right</source>
        <translation>Skóre: {0} / {1} správně</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="484"/>
        <source> (frozen)</source>
        <translation> (zmrazeno)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="500"/>
        <source>&apos;{0}&apos; is not a finite number; type a value like -0.3883</source>
        <translation>„{0}“ není konečné číslo; zadejte hodnotu jako -0.3883</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="508"/>
        <source>✔ Right: {0}</source>
        <translation>✔ Správně: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="511"/>
        <source>✘ Not quite: you typed {0}, the value is {1} (off by {2}). Check: {3}</source>
        <translation>✘ Ne tak docela: zadali jste {0}, hodnota je {1} (rozdíl {2}). Zkontrolujte: {3}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lecture.py" line="533"/>
        <source>new {0} = {1}</source>
        <translation>nové {0} = {1}</translation>
    </message>
</context>
<context>
    <name>lessonkit</name>
    <message>
        <location filename="../../core/lessonkit.py" line="34"/>
        <source>Play</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="35"/>
        <source>Step sample</source>
        <translation>Krok: vzorek</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="36"/>
        <source>Step batch</source>
        <translation>Krok: dávka</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="37"/>
        <source>Step epoch</source>
        <translation>Krok: epocha</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="38"/>
        <source>Step back</source>
        <translation>Krok zpět</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="39"/>
        <source>Reset</source>
        <translation>Obnovit</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="40"/>
        <source>Re-initialise</source>
        <translation>Nově inicializovat</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="41"/>
        <source>the learning rate</source>
        <translation>rychlost učení</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="42"/>
        <source>the batch size</source>
        <translation>velikost dávky</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="43"/>
        <source>the loss</source>
        <translation>ztrátovou funkci</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="44"/>
        <source>the optimiser</source>
        <translation>optimalizátor</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="45"/>
        <source>regularisation</source>
        <translation>regularizaci</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="46"/>
        <source>the network&apos;s shape</source>
        <translation>tvar sítě</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="47"/>
        <source>editing weights</source>
        <translation>úpravy vah</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="48"/>
        <source>the data</source>
        <translation>data</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="49"/>
        <source>the input features</source>
        <translation>vstupní příznaky</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="74"/>
        <source>a check must be text like &apos;test_loss &lt; 0.1&apos;</source>
        <translation>kontrola musí být text jako &apos;test_loss &lt; 0.1&apos;</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="76"/>
        <source>a check must be at most 1000 characters</source>
        <translation>kontrola smí mít nejvýše 1000 znaků</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="81"/>
        <source>cannot read {0!r}: write QUANTITY OP NUMBER, e.g. test_loss &lt; 0.1</source>
        <translation>nelze přečíst {0!r}: pište VELIČINA OP ČÍSLO, např. test_loss &lt; 0.1</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="85"/>
        <source>unknown quantity {0!r}; known: {1}</source>
        <translation>neznámá veličina {0!r}; známé: {1}</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="92"/>
        <source>{0!r} is not a number</source>
        <translation>{0!r} není číslo</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="111"/>
        <source>lesson.profile must be an object with &apos;enabled&apos; and/or &apos;hidden&apos; lists</source>
        <translation>lesson.profile musí být objekt se seznamy &apos;enabled&apos; a/nebo &apos;hidden&apos;</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="118"/>
        <source>lesson.profile.{0} must list control names</source>
        <translation>lesson.profile.{0} musí uvádět názvy ovládacích prvků</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="122"/>
        <source>lesson.profile.{0}: unknown control {1!r}; known: {2}</source>
        <translation>lesson.profile.{0}: neznámý ovládací prvek {1!r}; známé: {2}</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="133"/>
        <source>lesson.challenges must be a list of at most {0}</source>
        <translation>lesson.challenges musí být seznam nejvýše {0} položek</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="138"/>
        <source>lesson.challenges[{0}] must be an object with a check (and a title, a solution)</source>
        <translation>lesson.challenges[{0}] musí být objekt s kontrolou (a názvem, řešením)</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="145"/>
        <source>lesson.challenges[{0}].{1} must be text of at most {2} characters</source>
        <translation>lesson.challenges[{0}].{1} musí být text o nejvýše {2} znacích</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="152"/>
        <source>lesson.challenges[{0}].check: {1}</source>
        <translation>lesson.challenges[{0}].check: {1}</translation>
    </message>
    <message>
        <location filename="../../core/lessonkit.py" line="161"/>
        <source>lesson must be an object with &apos;profile&apos; and/or &apos;challenges&apos;</source>
        <translation>lesson musí být objekt s &apos;profile&apos; a/nebo &apos;challenges&apos;</translation>
    </message>
</context>
<context>
    <name>losses</name>
    <message>
        <location filename="../../core/losses.py" line="155"/>
        <source>unknown loss {0!r}; known: {1}</source>
        <extracomment>c with E = c |dE/dyhat|^2 summed over the batch (0: no such c) per-element terms (..., K) from (yhat, y, a): summed over the last axis they give ``terms``; any leading shape (the landscape stacks grid points in front) how a derivation writes one output&apos;s term: (formula, numbers) with {o} {t} (names) and {ov} {tv} (values), the terms joined by &quot; + &quot; inside ``error_wrap`` dE/dyhat as a derivation writes it, (formula, numbers); None: the delta is fused c with dE/dyhat = c (yhat - y) for squared errors (the one-sample kernel&apos;s form)</extracomment>
        <translation>neznámá ztrátová funkce {0!r}; známé: {1}</translation>
    </message>
    <message>
        <location filename="../../core/losses.py" line="161"/>
        <source>reduction must be &apos;mean&apos; or &apos;sum&apos;, not {0!r}</source>
        <translation>redukce musí být &apos;mean&apos; nebo &apos;sum&apos;, ne {0!r}</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <location filename="../../gui/main_window.py" line="84"/>
        <source>Backprop Studio</source>
        <translation>Backprop Studio</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>{0} plot</source>
        <translation>graf {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="434"/>
        <source>&amp;File</source>
        <extracomment>docks that need some height to be read, in lines of text</extracomment>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="435"/>
        <source>&amp;New</source>
        <translation>&amp;Nový</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="436"/>
        <source>A new project (XOR, 2-2-1)</source>
        <translation>Nový projekt (XOR, 2-2-1)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="437"/>
        <source>&amp;Open…</source>
        <translation>&amp;Otevřít…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="439"/>
        <source>Open &amp;Recent</source>
        <translation>Otevřít ne&amp;dávné</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="440"/>
        <source>&amp;Save</source>
        <translation>&amp;Uložit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="442"/>
        <source>Save &amp;As…</source>
        <translation>Uložit &amp;jako…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="445"/>
        <source>&amp;Lessons</source>
        <translation>&amp;Lekce</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="453"/>
        <source>&amp;Import data (CSV)…</source>
        <translation>&amp;Importovat data (CSV)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="454"/>
        <source>E&amp;xport data (CSV)…</source>
        <translation>E&amp;xportovat data (CSV)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="455"/>
        <source>Export net&amp;work</source>
        <translation>Exportovat &amp;síť</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="456"/>
        <source>&amp;Weights as CSV…</source>
        <translation>&amp;Váhy jako CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="458"/>
        <source>As a &amp;numpy script…</source>
        <translation>Jako skript pro &amp;numpy…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="460"/>
        <source>As a P&amp;yTorch script…</source>
        <translation>Jako skript pro P&amp;yTorch…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="462"/>
        <source>Export &amp;view (PNG or SVG)</source>
        <translation>Exportovat po&amp;hled (PNG nebo SVG)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="470"/>
        <source>Write this sample&apos;s training step, every number, as Markdown</source>
        <translation>Zapsat trénovací krok tohoto vzorku se všemi čísly jako Markdown</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="474"/>
        <source>Write this sample&apos;s training step as a LaTeX document that compiles as it is</source>
        <translation>Zapsat trénovací krok tohoto vzorku jako dokument LaTeX, který se přeloží tak, jak je</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="478"/>
        <source>Write this sample&apos;s training step as LaTeX align* environments, to paste into your own notes</source>
        <translation>Zapsat trénovací krok tohoto vzorku jako prostředí align* LaTeXu pro vložení do vlastních poznámek</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="482"/>
        <source>Write this sample&apos;s training step as a printable PDF handout (no TeX needed)</source>
        <translation>Zapsat trénovací krok tohoto vzorku jako tisknutelný podklad v PDF (bez TeXu)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="485"/>
        <source>Sav&amp;e as lesson…</source>
        <translation>Uložit jako l&amp;ekci…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="486"/>
        <source>Save this project as a lesson: its description, the controls a student may use, and challenges</source>
        <translation>Uložit tento projekt jako lekci: její popis, ovládací prvky dostupné studentům a úkoly</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="489"/>
        <location filename="../../gui/main_window.py" line="1365"/>
        <source>Recor&amp;d…</source>
        <translation>Nah&amp;rávat…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="490"/>
        <source>Record a view (or the window) as an animated GIF or APNG while training plays</source>
        <translation>Nahrávat pohled (nebo okno) jako animovaný GIF nebo APNG během trénování</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="493"/>
        <source>&amp;Quit</source>
        <translation>U&amp;končit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="494"/>
        <source>&amp;Edit</source>
        <translation>Úp&amp;ravy</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="495"/>
        <source>&amp;Undo</source>
        <translation>&amp;Zpět</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="497"/>
        <source>&amp;Redo</source>
        <translation>Zn&amp;ovu</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="501"/>
        <source>&amp;Train</source>
        <translation>&amp;Trénování</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="502"/>
        <source>Training</source>
        <translation>Trénování</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="504"/>
        <location filename="../../gui/main_window.py" line="1026"/>
        <source>&amp;Play</source>
        <translation>&amp;Spustit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="508"/>
        <source>Step &amp;sample</source>
        <translation>Krok: &amp;vzorek</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="510"/>
        <source>Step &amp;batch</source>
        <translation>Krok: &amp;dávka</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="514"/>
        <source>Step &amp;epoch</source>
        <translation>Krok: &amp;epocha</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="518"/>
        <source>Step bac&amp;k</source>
        <translation>Krok &amp;zpět</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="523"/>
        <source>&amp;Reset</source>
        <translation>&amp;Obnovit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="525"/>
        <source>Re-&amp;initialise</source>
        <translation>&amp;Nově inicializovat</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="530"/>
        <source>&amp;Compare runs…</source>
        <translation>Porovnat &amp;běhy…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="533"/>
        <source>&amp;Gradient check…</source>
        <translation>&amp;Kontrola gradientu…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="541"/>
        <source>&amp;Lecture mode</source>
        <translation>&amp;Režim výkladu</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="546"/>
        <source>&amp;Next phase</source>
        <translation>&amp;Další fáze</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="548"/>
        <source>&amp;Previous phase</source>
        <translation>&amp;Předchozí fáze</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="553"/>
        <source>&amp;Unlock controls</source>
        <translation>&amp;Odemknout ovládání</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="555"/>
        <source>P&amp;redict, then reveal</source>
        <translation>Předpovědět, p&amp;ak odhalit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="559"/>
        <source>&amp;Slow motion</source>
        <translation>&amp;Zpomalený záběr</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="565"/>
        <source>&amp;All phases</source>
        <translation>&amp;Všechny fáze</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="566"/>
        <source>&amp;Forward pass only</source>
        <translation>&amp;Jen dopředný průchod</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="567"/>
        <source>&amp;Backward pass only</source>
        <translation>Jen zpě&amp;tný průchod</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="606"/>
        <source>&amp;Fit network in view</source>
        <translation>&amp;Přizpůsobit síť zobrazení</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="607"/>
        <source>Zoom &amp;in</source>
        <translation>Př&amp;iblížit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="612"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Oddálit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="614"/>
        <source>&amp;Actual size</source>
        <translation>&amp;Skutečná velikost</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="615"/>
        <source>&amp;High contrast</source>
        <translation>&amp;Vysoký kontrast</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="620"/>
        <source>F&amp;ull screen</source>
        <translation>&amp;Celá obrazovka</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="789"/>
        <source>This step has {0:,} phases: laying it out as a PDF would hold the window for many seconds. Export it as Markdown or LaTeX, or as a PDF from the command line (--export-trace step.pdf).</source>
        <translation>Tento krok má {0:,} fází: sazba do PDF by na mnoho sekund zastavila okno. Exportujte jej jako Markdown nebo LaTeX, nebo jako PDF z příkazové řádky (--export-trace step.pdf).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1025"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pozastavit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="506"/>
        <source>Play / pause continuous training (Space)</source>
        <translation>Spustit / pozastavit souvislé trénování (mezerník)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="466"/>
        <source>Export s&amp;tep</source>
        <translation>Ex&amp;portovat krok</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="468"/>
        <source>As &amp;Markdown…</source>
        <translation>Jako &amp;Markdown…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="472"/>
        <source>As a La&amp;TeX document…</source>
        <translation>Jako dokument La&amp;TeX…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="476"/>
        <source>As LaTeX se&amp;ctions…</source>
        <translation>Jako oddíly L&amp;aTeXu…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="480"/>
        <source>As a &amp;PDF handout…</source>
        <translation>Jako &amp;PDF k tisku…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="509"/>
        <source>Train on the next sample (→); in lecture mode → shows the next phase</source>
        <translation>Trénovat na dalším vzorku (→); v režimu výkladu → ukáže další fázi</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="512"/>
        <source>Train on the next batch</source>
        <translation>Trénovat na další dávce</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="516"/>
        <source>Train one epoch (Ctrl+→)</source>
        <translation>Trénovat jednu epochu (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="520"/>
        <source>Undo the last training step (Alt+←); the last 500 are kept</source>
        <translation>Vrátit poslední trénovací krok (Alt+←); uchovává se posledních 500</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="524"/>
        <source>Back to the initial weights (same seed)</source>
        <translation>Zpět k počátečním vahám (stejné semínko)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="527"/>
        <source>New random weights (next seed)</source>
        <translation>Nové náhodné váhy (další semínko)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="531"/>
        <source>Train copies of this project that differ in one setting side by side (Ctrl+K)</source>
        <translation>Trénovat vedle sebe kopie tohoto projektu lišící se v jednom nastavení (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="534"/>
        <source>Backprop gradients beside finite differences, parameter by parameter</source>
        <translation>Gradienty ze zpětného šíření vedle konečných diferencí, parametr po parametru</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="540"/>
        <source>&amp;Lecture</source>
        <translation>&amp;Výklad</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="543"/>
        <source>Walk one sample&apos;s step phase by phase (F5)</source>
        <translation>Projít krok jednoho vzorku fázi po fázi (F5)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="547"/>
        <source>Next phase (Page Down or →)</source>
        <translation>Další fáze (Page Down nebo →)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="550"/>
        <source>Previous phase (Page Up or ←)</source>
        <translation>Předchozí fáze (Page Up nebo ←)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="554"/>
        <source>Lift the lesson&apos;s limits on the controls (for the lecturer)</source>
        <translation>Zrušit omezení ovládání daná lekcí (pro vyučujícího)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="556"/>
        <source>Commit a guess about the step or the training, then see the truth beside it (F7)</source>
        <translation>Zadat odhad o kroku nebo trénování a pak vidět skutečnost vedle něj (F7)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="560"/>
        <source>Play the phases by themselves, one a second (F6; the pace is under the lecture panel&apos;s ⚙)</source>
        <translation>Přehrávat fáze samy, jednu za sekundu (F6; tempo je pod ⚙ panelu výkladu)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="574"/>
        <source>Previous phase (←)</source>
        <translation>Předchozí fáze (←)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="578"/>
        <source>&amp;View</source>
        <translation>&amp;Zobrazení</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="581"/>
        <source>&amp;Plots</source>
        <translation>&amp;Grafy</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="582"/>
        <source>Pa&amp;nels</source>
        <translation>Pa&amp;nely</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="609"/>
        <source>Larger text and plots, up to 250 %</source>
        <translation>Větší text a grafy, až 250 %</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="617"/>
        <source>White and yellow on black</source>
        <translation>Bílá a žlutá na černé</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="622"/>
        <source>&amp;Language</source>
        <translation>&amp;Jazyk</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="630"/>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="631"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klávesové zkratky</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="634"/>
        <source>Every key the window and the canvas answer to</source>
        <translation>Všechny klávesy, na které okno a plátno reagují</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="635"/>
        <source>&amp;About Backprop Studio</source>
        <translation>&amp;O aplikaci Backprop Studio</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="637"/>
        <source>The version, and the versions and licences of Qt, PySide6, pyqtgraph, numpy and Pillow</source>
        <translation>Verze a verze a licence Qt, PySide6, pyqtgraph, numpy a Pillow</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="639"/>
        <source>About &amp;Qt</source>
        <translation>O &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="737"/>
        <source>Predict is training its answer; Play is free again when it is revealed</source>
        <translation>Předpověď trénuje svou odpověď; Spustit půjde znovu, až bude odhalena</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="779"/>
        <source>Export the step</source>
        <translation>Exportovat krok</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="798"/>
        <source>Could not export: {0}</source>
        <translation>Export se nezdařil: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="800"/>
        <source>Exported the step to {0}</source>
        <translation>Krok exportován do {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="832"/>
        <source>Scale {0:.0%}</source>
        <translation>Měřítko {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="959"/>
        <source>points are added by clicking on data with two inputs; this data has {0}</source>
        <translation>body se přidávají klepnutím u dat se dvěma vstupy; tato data jich mají {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="964"/>
        <source>a click adds a point of a class; this data&apos;s targets are numbers (Ctrl+click probes the network, right-click removes a point)</source>
        <translation>kliknutí přidá bod třídy; cíle těchto dat jsou čísla (Ctrl+kliknutí síť sonduje, pravé tlačítko bod odebere)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="979"/>
        <source>Add a class-{0} point here</source>
        <translation>Přidat sem bod třídy {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="983"/>
        <source>Remove the nearest point ({0})</source>
        <translation>Odebrat nejbližší bod ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="986"/>
        <source>Probe the network here (Ctrl+click)</source>
        <translation>Vyzkoušet síť v tomto bodě (Ctrl+klepnutí)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="990"/>
        <source>Remove the probe</source>
        <translation>Odebrat sondu</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="998"/>
        <source>{0} · {1}{2}[*] — Backprop Studio</source>
        <translation>{0} · {1}{2}[*] — Backprop Studio</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1068"/>
        <source>   accuracy {0:.0%}</source>
        <translation>   přesnost {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1071"/>
        <source>   test loss {0:.4g}</source>
        <translation>   testovací ztráta {0:.4g}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1074"/>
        <source>   {0:,.0f} epochs/s</source>
        <translation>   {0:,.0f} epoch/s</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1076"/>
        <source>epoch {0}   step {1}   loss {2:.6g}{3}{4}</source>
        <translation>epocha {0}   krok {1}   ztráta {2:.6g}{3}{4}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1078"/>
        <source>loss and accuracy on the training data; test loss (and test accuracy) on the test data</source>
        <translation>ztráta a přesnost na trénovacích datech; testovací ztráta (a přesnost) na testovacích datech</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1245"/>
        <source>This lesson limits the controls (Lecture → Unlock controls lifts the limits)</source>
        <translation>Tato lekce omezuje ovládání (Výklad → Odemknout ovládání omezení zruší)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1263"/>
        <source>Could not save the lesson: {0}</source>
        <translation>Lekci se nepodařilo uložit: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1265"/>
        <source>Saved the lesson {0}</source>
        <translation>Lekce uložena: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1280"/>
        <location filename="../../gui/plots/compare.py" line="375"/>
        <source>Cannot compare: {0}</source>
        <translation>Nelze porovnat: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1304"/>
        <source>Opened {0}</source>
        <translation>Otevřeno: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1322"/>
        <source>no view {0!r}</source>
        <translation>žádný pohled {0!r}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1344"/>
        <source>Cannot record: {0}</source>
        <translation>Nelze nahrávat: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1352"/>
        <source>Recording {0}/{1} (File → Stop recording)</source>
        <translation>Nahrávání {0}/{1} (Soubor → Zastavit nahrávání)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1355"/>
        <source>Stop recor&amp;ding</source>
        <translation>Zastavit nah&amp;rávání</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="1373"/>
        <source>The whole window</source>
        <translation>Celé okno</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../gui/messages.py" line="40"/>
        <source>Close this message</source>
        <translation>Zavřít tuto zprávu</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../gui/model.py" line="301"/>
        <source>Saved {0}</source>
        <translation>Uloženo {0}</translation>
    </message>
    <message>
        <location filename="../../gui/model.py" line="312"/>
        <source>Opened {0}</source>
        <translation>Otevřeno: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="212"/>
        <source>Replaying from epoch {0}</source>
        <translation>Přehrávání od epochy {0}</translation>
    </message>
    <message>
        <location filename="../../gui/model.py" line="446"/>
        <source>This lesson locks {0} (Lecture → Unlock controls lifts it)</source>
        <translation>Tato lekce zamyká {0} (Výklad → Odemknout ovládání to zruší)</translation>
    </message>
    <message>
        <location filename="../../gui/model.py" line="465"/>
        <source>No earlier training step is kept</source>
        <translation>Žádný dřívější krok trénování není uchován</translation>
    </message>
    <message>
        <location filename="../../gui/model.py" line="470"/>
        <source>Stepped back to epoch {0}, step {1}</source>
        <translation>Zpět na epochu {0}, krok {1}</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../core/network.py" line="76"/>
        <source>{0} must have shape (N, {1}); got {2}</source>
        <translation>{0} musí mít tvar (N, {1}); zadáno {2}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="79"/>
        <source>{0} has no samples</source>
        <translation>{0} nemá žádné vzorky</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="82"/>
        <source>{0} holds a non-finite value ({1}) at row {2}, column {3}</source>
        <translation>{0} obsahuje nekonečnou hodnotu ({1}) na řádku {2}, ve sloupci {3}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="100"/>
        <source>sizes must list at least 2 layers of &gt;= 1 neuron; got {0}</source>
        <translation>sizes musí uvádět alespoň 2 vrstvy po &gt;= 1 neuronu; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="105"/>
        <source>activations must be a name or a list of names; got {0}</source>
        <translation>activations musí být název nebo seznam názvů; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="109"/>
        <source>need {0} activations (one per weight layer); got {1}</source>
        <translation>je třeba {0} aktivací (jedna na váhovou vrstvu); zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="114"/>
        <source>{0} is only allowed on the output layer, not layer {1}</source>
        <translation>{0} je povolena jen na výstupní vrstvě, ne na vrstvě {1}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="121"/>
        <source>bias must be True, False or a list of them; got {0}</source>
        <translation>bias musí být True, False nebo jejich seznam; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="124"/>
        <source>need {0} bias flags (one per weight layer); got {1}</source>
        <translation>je třeba {0} příznaků prahu (jeden na váhovou vrstvu); zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="165"/>
        <source>output layer</source>
        <translation>výstupní vrstva</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="166"/>
        <source>hidden layer {0}</source>
        <translation>skrytá vrstva {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="196"/>
        <source>not a parameter: {0}</source>
        <translation>není parametr: {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="199"/>
        <source>a parameter&apos;s layer, source and target are whole numbers; got {0!r}</source>
        <translation>vrstva, zdroj a cíl parametru jsou celá čísla; zadáno {0!r}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="202"/>
        <source>no layer {0}: the network has {1} weight layers</source>
        <translation>vrstva {0} neexistuje: síť má {1} váhových vrstev</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="205"/>
        <source>no such parameter: {0}</source>
        <translation>takový parametr neexistuje: {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="207"/>
        <source>layer {0} has no biases</source>
        <translation>vrstva {0} nemá prahy</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="249"/>
        <source>bias of {0}</source>
        <translation>práh {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="264"/>
        <source>no parameter labelled {0!r} in {1} notation; labels are {2}</source>
        <translation>ve značení {1} není parametr označený {0!r}; označení jsou {2}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="285"/>
        <source>need {0} parameters; got shape {1}</source>
        <translation>je třeba {0} parametrů; zadán tvar {1}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="288"/>
        <source>parameters must be finite</source>
        <translation>parametry musí být konečné</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="311"/>
        <source>freeze needs a label, a Param, a list of them or a group (&apos;all&apos;, &apos;weights&apos;, &apos;biases&apos;); got {0}</source>
        <translation>freeze potřebuje označení, Param, jejich seznam nebo skupinu (&apos;all&apos;, &apos;weights&apos;, &apos;biases&apos;); zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="361"/>
        <source>{0} inputs but {1} targets</source>
        <translation>{0} vstupů, ale {1} cílů</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="364"/>
        <source>the {0} loss needs a {1} output layer; this network&apos;s output is {2}</source>
        <translation>ztrátová funkce {0} potřebuje výstupní vrstvu {1}; výstup této sítě je {2}</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="368"/>
        <source>binary cross-entropy targets must lie in [0, 1]</source>
        <translation>cíle binární křížové entropie musí ležet v [0, 1]</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="371"/>
        <source>categorical cross-entropy needs at least 2 output neurons</source>
        <translation>kategorická křížová entropie potřebuje alespoň 2 výstupní neurony</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="374"/>
        <source>categorical cross-entropy targets must be one-hot (or probabilities summing to 1) per sample</source>
        <translation>cíle kategorické křížové entropie musí být pro každý vzorek one-hot (nebo pravděpodobnosti se součtem 1)</translation>
    </message>
    <message>
        <location filename="../../core/network.py" line="384"/>
        <source>layer {0} ({1}) uses the {2} activation, whose gradient is zero almost everywhere: it can be evaluated but not trained by backpropagation</source>
        <translation>vrstva {0} ({1}) používá aktivaci {2}, jejíž gradient je skoro všude nulový: lze ji vyhodnotit, ale ne trénovat zpětným šířením</translation>
    </message>
</context>
<context>
    <name>notation</name>
    <message>
        <location filename="../../core/notation.py" line="50"/>
        <source>unknown notation {0!r}; known: {1}</source>
        <translation>neznámé značení {0!r}; známá: {1}</translation>
    </message>
</context>
<context>
    <name>optimizers</name>
    <message>
        <location filename="../../core/optimizers.py" line="90"/>
        <source>unknown optimizer {0}; known: {1}</source>
        <extracomment>each optimiser&apos;s options and their allowed ranges</extracomment>
        <translation>neznámý optimalizátor {0}; známé: {1}</translation>
    </message>
    <message>
        <location filename="../../core/optimizers.py" line="96"/>
        <source>the {0} optimizer has no option {1}; its options: {2}</source>
        <translation>optimalizátor {0} nemá volbu {1}; jeho volby: {2}</translation>
    </message>
    <message>
        <location filename="../../core/optimizers.py" line="98"/>
        <source>the {0} optimizer has no options; got {1}</source>
        <translation>optimalizátor {0} nemá žádné volby; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/optimizers.py" line="103"/>
        <source>eps must be a positive number; got {0:g}</source>
        <translation>eps musí být kladné číslo; zadáno {0:g}</translation>
    </message>
</context>
<context>
    <name>palette</name>
    <message>
        <location filename="../../gui/panels/palette.py" line="27"/>
        <source>Drag a layer onto the canvas, between two columns.
Drop a layer&apos;s title here to remove the layer.</source>
        <translation>Přetáhněte vrstvu na plátno mezi dva sloupce.
Přetažením nadpisu vrstvy sem vrstvu odeberete.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="32"/>
        <source>{0} layer (2 neurons)</source>
        <translation>vrstva {0} (2 neurony)</translation>
    </message>
</context>
<context>
    <name>predict</name>
    <message>
        <location filename="../../core/predict.py" line="54"/>
        <source>answer one of {0}; got {1!r}</source>
        <extracomment>the text&apos;s first value (the quantity asked about) and the truth as HTML, as the lecture panel writes them (Unicode has no subscript ŷ: &apos;δ_ŷ&apos; reads like code)</extracomment>
        <translation>odpovězte jedním z {0}; zadáno {1!r}</translation>
    </message>
    <message>
        <location filename="../../core/predict.py" line="67"/>
        <source>unknown question {0!r}; known: {1}</source>
        <translation>neznámá otázka {0!r}; známé: {1}</translation>
    </message>
    <message>
        <location filename="../../core/predict.py" line="76"/>
        <source>this step has nothing to ask about that</source>
        <translation>v tomto kroku není na co se zeptat</translation>
    </message>
    <message>
        <location filename="../../core/predict.py" line="84"/>
        <source>After this step, will {0} (now {1}) go up, go down, or stay?</source>
        <translation>Půjde {0} (nyní {1}) po tomto kroku nahoru, dolů, nebo zůstane?</translation>
    </message>
    <message>
        <location filename="../../core/predict.py" line="87"/>
        <source>Will {0} be positive, negative or zero?</source>
        <translation>Bude {0} kladné, záporné, nebo nulové?</translation>
    </message>
    <message>
        <location filename="../../core/predict.py" line="94"/>
        <source>the loss to beat must be a positive number; got {0}</source>
        <translation>ztráta, kterou je třeba překonat, musí být kladné číslo; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/predict.py" line="96"/>
        <source>After {0} more epochs, will the loss (now {1}) be below {2}?</source>
        <translation>Bude ztráta (nyní {1}) po dalších {0} epochách pod {2}?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="45"/>
        <source>positive</source>
        <translation>kladné</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="45"/>
        <source>negative</source>
        <translation>záporné</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="46"/>
        <source>zero</source>
        <translation>nulové</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="46"/>
        <source>goes up</source>
        <translation>nahoru</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="47"/>
        <source>goes down</source>
        <translation>dolů</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="48"/>
        <source>stays</source>
        <translation>zůstane</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="49"/>
        <source>yes, below</source>
        <translation>ano, pod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="50"/>
        <source>no, not below</source>
        <translation>ne, ne pod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="51"/>
        <source>your line</source>
        <translation>vaše přímka</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="88"/>
        <source>Sign of a delta δ</source>
        <translation>Znaménko delty δ</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="89"/>
        <source>Sign of a gradient ∂E/∂w</source>
        <translation>Znaménko gradientu ∂E/∂w</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="90"/>
        <source>Which way a weight moves</source>
        <translation>Kam se posune váha</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="91"/>
        <source>The loss after training</source>
        <translation>Ztráta po trénování</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="92"/>
        <source>Where the boundary goes</source>
        <translation>Kam se posune hranice</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="94"/>
        <source>What to predict</source>
        <translation>Co předpovídat</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="97"/>
        <source>the next</source>
        <translation>další</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="98"/>
        <source>The sample of the step asked about: the next one training takes, or any sample by number</source>
        <translation>Vzorek kroku, na který se ptáme: ten, který trénování vezme příště, nebo libovolný vzorek podle čísla</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="103"/>
        <source>How many epochs the training questions look ahead</source>
        <translation>O kolik epoch dopředu se otázky na trénování dívají</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="105"/>
        <source>half the loss now</source>
        <translation>polovina nynější ztráty</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="106"/>
        <source>The loss question asks whether the loss will be below this (empty: half the present loss)</source>
        <translation>Otázka na ztrátu se ptá, zda bude ztráta pod touto hodnotou (prázdné: polovina nynější ztráty)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="109"/>
        <source>&amp;Predict:</source>
        <translation>&amp;Předpovídat:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="110"/>
        <source>&amp;Sample:</source>
        <translation>&amp;Vzorek:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="111"/>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochy:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="112"/>
        <source>&amp;Below:</source>
        <translation>Po&amp;d:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="116"/>
        <source>&amp;New question</source>
        <translation>&amp;Nová otázka</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="122"/>
        <source>&amp;Commit my line</source>
        <translation>Potvrdit &amp;mou přímku</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="123"/>
        <source>Train, then see how near the boundary came to your line</source>
        <translation>Natrénovat a pak ukázat, jak blízko se hranice dostala k vaší přímce</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="161"/>
        <source>Stopped: the network changed before the answer was in</source>
        <translation>Zastaveno: síť se změnila dřív, než byla odpověď známa</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="206"/>
        <source>Sample {0}, x = ({1}): {2}</source>
        <translation>Vzorek {0}, x = ({1}): {2}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="213"/>
        <source>the loss to beat</source>
        <translation>ztráta, kterou překonat</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="232"/>
        <source>The boundary question needs two inputs and one class output</source>
        <translation>Otázka na hranici potřebuje dva vstupy a jeden výstup třídy</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="249"/>
        <source>Drag the purple line on the decision map to where the boundary will be after {0} more epochs (click it to add a corner and bend it), then commit.</source>
        <translation>Přetáhněte fialovou čáru na rozhodovací mapě tam, kde bude hranice po dalších {0} epochách (kliknutím na ni přidáte roh a ohnete ji), a potvrďte.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="274"/>
        <source>After {0} epochs the loss is {1}: {2} {3}</source>
        <translation>Po {0} epochách je ztráta {1}: {2} {3}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="275"/>
        <source>below</source>
        <translation>pod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="276"/>
        <source>not below</source>
        <translation>ne pod</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="311"/>
        <source>After {0} epochs there is no boundary on the map: one class everywhere</source>
        <translation>Po {0} epochách není na mapě žádná hranice: všude jedna třída</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="314"/>
        <source>After {0} epochs the boundary lies on average {1:.0%} of the map&apos;s diagonal from your line (within {2:.0%} counts)</source>
        <translation>Po {0} epochách leží hranice v průměru {1:.0%} úhlopříčky mapy od vaší přímky (uznává se do {2:.0%})</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="342"/>
        <source>Training: {0} of {1} epochs…</source>
        <translation>Trénink: {0} z {1} epoch…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="365"/>
        <source>✔ Right</source>
        <translation>✔ Správně</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="365"/>
        <source>✘ Not this time</source>
        <translation>✘ Tentokrát ne</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="366"/>
        <source>{0}: you said {1}.
{2}</source>
        <translation>{0}: vaše odpověď: {1}.
{2}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/predict.py" line="379"/>
        <source>Score this session: {0} / {1} right</source>
        <translation>Skóre v této relaci: {0} / {1} správně</translation>
    </message>
</context>
<context>
    <name>project</name>
    <message>
        <location filename="../../core/project.py" line="225"/>
        <source>map_range must list 4 numbers (x1 from, x1 to, x2 from, x2 to); got {0}</source>
        <translation>map_range musí uvádět 4 čísla (x1 od, x1 do, x2 od, x2 do); zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="231"/>
        <source>map_range: the {0} range must run from a smaller to a larger number; got {1:g} to {2:g}</source>
        <translation>map_range: rozsah {0} musí vést od menšího čísla k většímu; zadáno {1:g} až {2:g}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="179"/>
        <location filename="../../core/project.py" line="267"/>
        <source>{0} must be an object</source>
        <translation>{0} musí být objekt</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="180"/>
        <source>translations lists more than {0} languages</source>
        <translation>translations uvádí více než {0} jazyků</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="185"/>
        <source>translations: {0} is not a two-letter language code such as cs</source>
        <translation>translations: {0} není dvoupísmenný kód jazyka jako cs</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="241"/>
        <source>map_slice is for data of more than two inputs; this data has {0}</source>
        <translation>map_slice je pro data s více než dvěma vstupy; tato data mají {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="244"/>
        <source>map_slice needs axes and held</source>
        <translation>map_slice potřebuje axes a held</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="247"/>
        <source>map_slice.axes must list 2 inputs; got {0}</source>
        <translation>map_slice.axes musí uvádět 2 vstupy; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="249"/>
        <source>map_slice.axes must name two different inputs; got {0} twice</source>
        <translation>map_slice.axes musí uvádět dva různé vstupy; zadáno dvakrát {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="252"/>
        <source>map_slice.held must list {0} numbers, one for each input; got {1}</source>
        <translation>map_slice.held musí uvádět {0} čísel, jedno pro každý vstup; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="272"/>
        <source>unknown field {0}.{1} (known: {2})</source>
        <translation>neznámé pole {0}.{1} (známá: {2})</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="280"/>
        <source>{0} must be a whole number; got {1}</source>
        <translation>{0} musí být celé číslo; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="283"/>
        <source>{0} must be from {1} to {2}; got {3}</source>
        <translation>{0} musí být od {1} do {2}; zadáno {3}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="297"/>
        <source>{0} must be text</source>
        <translation>{0} musí být text</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="298"/>
        <source>{0} is longer than {1} characters</source>
        <translation>{0} je delší než {1} znaků</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="304"/>
        <source>{0} must be true or false; got {1}</source>
        <translation>{0} musí být true nebo false; zadáno {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="311"/>
        <source>{0} must be one of {1}; got {2}</source>
        <translation>{0} musí být jedno z {1}; zadáno {2}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="325"/>
        <source>{0}.shape must list 1 or 2 sizes</source>
        <translation>{0}.shape musí uvádět 1 nebo 2 rozměry</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="331"/>
        <source>{0} holds {1} numbers; at most {2}</source>
        <translation>{0} obsahuje {1} čísel; nejvýše {2}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="335"/>
        <source>{0}.base64 must be text</source>
        <translation>{0}.base64 musí být text</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="342"/>
        <source>{0}.base64 does not hold {1} numbers</source>
        <translation>{0}.base64 neobsahuje {1} čísel</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="339"/>
        <source>{0}.base64 is not base64 text</source>
        <translation>{0}.base64 není text v base64</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="199"/>
        <source>{0} must be a list of at most {1}</source>
        <translation>{0} musí být seznam nejvýše {1} položek</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="213"/>
        <source>translations.{0}.challenges lists {1} challenges; the lesson has {2}</source>
        <translation>translations.{0}.challenges uvádí {1} úkolů; lekce jich má {2}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="348"/>
        <source>{0} holds a value that is not finite (number {1})</source>
        <translation>{0} obsahuje hodnotu, která není konečná (číslo {1})</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="358"/>
        <source>{0} must hold {1} numbers; it holds {2}</source>
        <translation>{0} musí obsahovat {1} čísel; obsahuje {2}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="362"/>
        <source>{0} must be a list of {1} numbers</source>
        <translation>{0} musí být seznam {1} čísel</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="382"/>
        <source>{0} must have {1} columns; it has shape {2}</source>
        <translation>{0} musí mít {1} sloupců; má tvar {2}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="384"/>
        <source>{0} has no samples</source>
        <translation>{0} nemá žádné vzorky</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="386"/>
        <source>{0} must be a non-empty list of samples</source>
        <translation>{0} musí být neprázdný seznam vzorků</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="388"/>
        <source>{0} holds more than {1} numbers</source>
        <translation>{0} obsahuje více než {1} čísel</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="392"/>
        <source>{0}[{1}] must be a list of {2} numbers (the network has {2})</source>
        <translation>{0}[{1}] musí být seznam {2} čísel (síť jich má {2})</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="396"/>
        <source>{0}[{1}][{2}] must be a finite number; got {3}</source>
        <translation>{0}[{1}][{2}] musí být konečné číslo; zadáno {3}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="418"/>
        <source>training.batch must be &apos;full&apos;, &apos;sample&apos; or a size &gt;= 1</source>
        <translation>training.batch musí být &apos;full&apos;, &apos;sample&apos; nebo velikost &gt;= 1</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="447"/>
        <source>network.sizes must list 2 to 12 layer sizes</source>
        <translation>network.sizes musí uvádět 2 až 12 velikostí vrstev</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="454"/>
        <source>network.activations must be a name or a list of {0} names</source>
        <translation>network.activations musí být název nebo seznam {0} názvů</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="460"/>
        <source>network.bias must be true, false or a list of {0} of them</source>
        <translation>network.bias musí být true, false nebo jejich seznam o {0} položkách</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="467"/>
        <location filename="../../core/project.py" line="538"/>
        <source>network: {0}</source>
        <translation>network: {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="485"/>
        <source>not a valid project: {0}</source>
        <translation>neplatný projekt: {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="490"/>
        <source>a project must be a JSON object</source>
        <translation>projekt musí být objekt JSON</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="493"/>
        <source>this file was written by a newer Backprop Studio (schema {0}); this version reads schema {1}</source>
        <translation>tento soubor zapsala novější verze Backprop Studio (schéma {0}); tato verze čte schéma {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="498"/>
        <source>unsupported schema_version {0} (this app reads 1 and 2)</source>
        <translation>nepodporovaná schema_version {0} (tato aplikace čte 1 a 2)</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="501"/>
        <source>missing field network</source>
        <translation>chybí pole network</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="511"/>
        <source>network.frozen must list parameter indices</source>
        <translation>network.frozen musí uvádět indexy parametrů</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="518"/>
        <source>missing field data</source>
        <translation>chybí pole data</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="526"/>
        <source>network.features: {0}</source>
        <translation>network.features: {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="528"/>
        <source>network.features lists {0} inputs but network.sizes[0] is {1}</source>
        <translation>network.features uvádí {0} vstupů, ale network.sizes[0] je {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="544"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="595"/>
        <source>data must be an object</source>
        <translation>data musí být objekt</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="608"/>
        <source>data: the {0} generator gives {1} inputs and {2} targets; the network has {3} and {4}</source>
        <translation>data: generátor {0} dává {1} vstupů a {2} cílů; síť má {3} a {4}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="613"/>
        <source>data needs X and Y (or a generator)</source>
        <translation>data potřebují X a Y (nebo generátor)</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="615"/>
        <source>data has {0} inputs but {1} targets</source>
        <translation>data mají {0} vstupů, ale {1} cílů</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="620"/>
        <source>data needs both X_test and Y_test, or neither</source>
        <translation>data potřebují X_test i Y_test, nebo ani jedno</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="623"/>
        <source>test data has {0} inputs but {1} targets</source>
        <translation>testovací data mají {0} vstupů, ale {1} cílů</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="626"/>
        <source>the data holds more than {0} numbers</source>
        <translation>data obsahují více než {0} čísel</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="633"/>
        <source>state must hold epoch and steps</source>
        <translation>state musí obsahovat epoch a steps</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="653"/>
        <source>{0} must list sample numbers</source>
        <translation>{0} musí uvádět čísla vzorků</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="656"/>
        <source>{0} must list the samples 0..{1} once each</source>
        <translation>{0} musí uvádět vzorky 0..{1} každý jednou</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="664"/>
        <source>{0} must be a PCG64 generator state</source>
        <translation>{0} musí být stav generátoru PCG64</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="674"/>
        <source>{0} is not a random generator state</source>
        <translation>{0} není stav generátoru náhodných čísel</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="684"/>
        <source>{0} does not fit the {1} optimiser</source>
        <translation>{0} neodpovídá optimalizátoru {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="689"/>
        <source>{0}[1], Adam&apos;s running mean of squared gradients, must not be negative</source>
        <translation>{0}[1], Adamův klouzavý průměr čtverců gradientů, nesmí být záporný</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="704"/>
        <source>{0} must hold steps</source>
        <translation>{0} musí obsahovat steps</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="710"/>
        <source>{0}.optimizer must be there exactly when the optimiser has a state ({1})</source>
        <translation>{0}.optimizer musí být uveden právě tehdy, když má optimalizátor stav ({1})</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="717"/>
        <source>{0} of shuffled training must hold rng and either order or order_rng</source>
        <translation>{0} při míchaném trénování musí obsahovat rng a buď order, nebo order_rng</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="726"/>
        <source>{0}: order, order_rng and rng are for shuffled training only</source>
        <translation>{0}: order, order_rng a rng patří jen k míchanému trénování</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="751"/>
        <source>history must hold equal lists of epochs and losses</source>
        <translation>history musí obsahovat stejně dlouhé seznamy epoch a ztrát</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="752"/>
        <source>history holds more than 1000000 points</source>
        <translation>history obsahuje více než 1000000 bodů</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="756"/>
        <source>history.epochs[{0}] must be larger than the one before</source>
        <translation>history.epochs[{0}] musí být větší než předchozí</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="771"/>
        <source>{0} reaches epoch {1}, past the epoch training reached (state.epoch: {2})</source>
        <translation>{0} sahá do epochy {1}, za epochu, kam došlo trénování (state.epoch: {2})</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="789"/>
        <source>snapshots.{0}.epochs must list at most 100000 epochs</source>
        <translation>snapshots.{0}.epochs smí uvádět nejvýše 100000 epoch</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="794"/>
        <source>snapshots.{0}.epochs[{1}] must be larger than the one before</source>
        <translation>snapshots.{0}.epochs[{1}] musí být větší než předchozí</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="800"/>
        <source>snapshots.test.values must list one loss per epoch</source>
        <translation>snapshots.test.values musí uvádět jednu ztrátu na epochu</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="808"/>
        <source>snapshots.weights.resume must hold one state (or null) per epoch</source>
        <translation>snapshots.weights.resume musí obsahovat jeden stav (nebo null) pro každou epochu</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="816"/>
        <source>snapshots.weights.values must hold one row per epoch</source>
        <translation>snapshots.weights.values musí obsahovat jeden řádek na epochu</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="918"/>
        <source>the file holds {0}, which is not a number a project may hold</source>
        <translation>soubor obsahuje {0}, což není číslo, které smí projekt obsahovat</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="928"/>
        <source>{0} is not a Backprop Studio project (not UTF-8 text)</source>
        <translation>{0} není projekt Backprop Studio (není to text v UTF-8)</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="933"/>
        <source>{0} is not valid JSON (line {1}, column {2}): {3}; it may be truncated</source>
        <translation>{0} není platný JSON (řádek {1}, sloupec {2}): {3}; soubor může být zkrácený</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="937"/>
        <source>{0} is nested too deeply to be a project</source>
        <translation>{0} je vnořený příliš hluboko, než aby to byl projekt</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="940"/>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} nelze přečíst: {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="949"/>
        <source>{0} is larger than {1} MiB</source>
        <translation>{0} je větší než {1} MiB</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="953"/>
        <source>cannot read {0}: {1}</source>
        <translation>nelze číst {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="965"/>
        <source>the project holds a value that is not finite; it cannot be saved</source>
        <translation>projekt obsahuje hodnotu, která není konečná; nelze jej uložit</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="968"/>
        <source>the project would be {0:.0f} MiB; projects are limited to {1} MiB (use less data)</source>
        <translation>projekt by měl {0:.0f} MiB; projekty jsou omezeny na {1} MiB (použijte méně dat)</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="974"/>
        <source>the project cannot be saved: {0}</source>
        <translation>projekt nelze uložit: {0}</translation>
    </message>
    <message>
        <location filename="../../core/project.py" line="1000"/>
        <location filename="../../core/project.py" line="1006"/>
        <location filename="../../core/project.py" line="1022"/>
        <source>cannot save {0}: {1}</source>
        <translation>nelze uložit {0}: {1}</translation>
    </message>
</context>
<context>
    <name>record</name>
    <message>
        <location filename="../../gui/panels/record.py" line="34"/>
        <source>Record training</source>
        <translation>Nahrát trénování</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="39"/>
        <source>What to record: one view, or the whole window</source>
        <translation>Co nahrávat: jeden pohled, nebo celé okno</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="40"/>
        <source>&amp;View:</source>
        <translation>&amp;Pohled:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="44"/>
        <source>A frame after every this many epochs trained</source>
        <translation>Snímek po každých tolika natrénovaných epochách</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="45"/>
        <source>&amp;Epochs per frame:</source>
        <translation>&amp;Epoch na snímek:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="49"/>
        <source>Recording stops (and the file is written) after this many frames, or when you choose Stop recording</source>
        <translation>Nahrávání skončí (a soubor se zapíše) po tolika snímcích, nebo když zvolíte Zastavit nahrávání</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="51"/>
        <source>&amp;Frames at most:</source>
        <translation>&amp;Nejvýše snímků:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="56"/>
        <source>Frames wider than this are scaled down</source>
        <translation>Širší snímky se zmenší</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="57"/>
        <source>&amp;Width at most:</source>
        <translation>Nejvýše ší&amp;řka:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="62"/>
        <source>A larger file keeps every other frame (each shown twice as long) until it fits</source>
        <translation>Větší soubor si ponechá každý druhý snímek (každý zobrazený dvakrát déle), dokud se nevejde</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="64"/>
        <source>&amp;Size limit:</source>
        <translation>&amp;Limit velikosti:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="66"/>
        <source>.gif, or .png / .apng for an animated PNG</source>
        <translation>.gif, nebo .png / .apng pro animované PNG</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="67"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Procházet…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="72"/>
        <source>&amp;File:</source>
        <translation>&amp;Soubor:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="79"/>
        <source>Start recording</source>
        <translation>Začít nahrávat</translation>
    </message>
    <message>
        <location filename="../../gui/panels/record.py" line="85"/>
        <source>Record to</source>
        <translation>Nahrávat do</translation>
    </message>
</context>
<context>
    <name>recorder</name>
    <message>
        <location filename="../../gui/recorder.py" line="35"/>
        <source>record to a .gif, .png or .apng file</source>
        <translation>nahrávejte do souboru .gif, .png nebo .apng</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="80"/>
        <source>epochs per frame must be from 1 to 10⁹</source>
        <translation>epoch na snímek musí být od 1 do 10⁹</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="82"/>
        <source>frames must be from 2 to 2000</source>
        <translation>snímků musí být od 2 do 2000</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="84"/>
        <source>the size limit must be from 0.1 to 500 MB</source>
        <translation>limit velikosti musí být od 0,1 do 500 MB</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="119"/>
        <source>Nothing recorded: train for at least {0} epochs to get two frames</source>
        <translation>Nic nenahráno: pro dva snímky trénujte alespoň {0} epoch</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="126"/>
        <source>Could not write {0}: {1}</source>
        <translation>Nelze zapsat {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="129"/>
        <source>Wrote {0}: {1} frames, {2} KiB</source>
        <translation>Zapsáno {0}: {1} snímků, {2} KiB</translation>
    </message>
    <message>
        <location filename="../../gui/recorder.py" line="132"/>
        <source> (every other frame dropped to stay under the size limit)</source>
        <translation> (každý druhý snímek vypuštěn, aby soubor nepřekročil limit velikosti)</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <location filename="../../gui/registry.py" line="28"/>
        <source>Network</source>
        <translation>Síť</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="30"/>
        <source>Loss</source>
        <translation>Ztráta</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="31"/>
        <source>Decision regions</source>
        <translation>Rozhodovací oblasti</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="32"/>
        <source>Hidden space</source>
        <translation>Skrytý prostor</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="33"/>
        <source>Weights over time</source>
        <translation>Váhy v čase</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="34"/>
        <source>Hidden neurons</source>
        <translation>Skryté neurony</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="35"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="37"/>
        <source>Training</source>
        <translation>Trénování</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="39"/>
        <source>Lesson</source>
        <translation>Lekce</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="40"/>
        <source>Layers</source>
        <translation>Vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="42"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="44"/>
        <source>Challenges</source>
        <translation>Úkoly</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="46"/>
        <source>Timeline</source>
        <translation>Časová osa</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="47"/>
        <source>Lecture</source>
        <translation>Výklad</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="49"/>
        <source>Activation gallery</source>
        <translation>Galerie aktivací</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="51"/>
        <source>Training health</source>
        <translation>Zdraví trénování</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="52"/>
        <source>Predict</source>
        <translation>Předpověď</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="54"/>
        <source>Loss landscape</source>
        <translation>Krajina ztráty</translation>
    </message>
    <message>
        <location filename="../../gui/registry.py" line="55"/>
        <source>Metrics</source>
        <translation>Metriky</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <location filename="../../core/session.py" line="168"/>
        <source>Stopped: the loss reached {0:g} at epoch {1}</source>
        <translation>Zastaveno: ztráta dosáhla {0:g} v epoše {1}</translation>
    </message>
    <message>
        <location filename="../../core/session.py" line="173"/>
        <source>Stopped after {0} epochs (the maximum set)</source>
        <translation>Zastaveno po {0} epochách (nastavené maximum)</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../core/settings.py" line="31"/>
        <source>unknown setting {0!r}</source>
        <translation>neznámé nastavení {0!r}</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="33"/>
        <source>learning rate</source>
        <translation>rychlost učení</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="35"/>
        <source>learning rate must be positive; got {0:g}</source>
        <translation>rychlost učení musí být kladná; zadáno {0:g}</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="39"/>
        <source>L1 strength</source>
        <translation>síla L1</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="40"/>
        <source>L2 strength</source>
        <translation>síla L2</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="43"/>
        <source>{0} must be from 0 (off) to {1:g}; got {2:g}</source>
        <translation>{0} musí být od 0 (vypnuto) do {1:g}; zadáno {2:g}</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="49"/>
        <source>batch size</source>
        <translation>velikost dávky</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="51"/>
        <source>batch size must be a whole number of at least 1</source>
        <translation>velikost dávky musí být celé číslo alespoň 1</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="57"/>
        <source>max epochs</source>
        <translation>max. epoch</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="58"/>
        <source>loss to stop at</source>
        <translation>cílová ztráta</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="59"/>
        <source>speed</source>
        <translation>rychlost</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="62"/>
        <source>{0} must be positive</source>
        <translation>{0} musí být kladné</translation>
    </message>
    <message>
        <location filename="../../core/settings.py" line="65"/>
        <source>shuffle must be on or off</source>
        <translation>míchání musí být zapnuto nebo vypnuto</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <location filename="../../gui/shortcuts.py" line="26"/>
        <source>Walk the weights and biases</source>
        <translation>Procházet váhy a prahy</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="27"/>
        <source>Nudge the selected one (with Shift: ×10)</source>
        <translation>Posunout vybranou hodnotu (se Shiftem ×10)</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="28"/>
        <source>Type its value</source>
        <translation>Zapsat její hodnotu</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="29"/>
        <source>Its menu (freeze, type a value)</source>
        <translation>Její nabídka (zmrazit, zapsat hodnotu)</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="30"/>
        <source>Let go of it</source>
        <translation>Zrušit výběr</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="31"/>
        <source>Leave the canvas</source>
        <translation>Opustit plátno</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="62"/>
        <source>Zoom the canvas</source>
        <translation>Zvětšit či zmenšit plátno</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="62"/>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+kolečko</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="63"/>
        <source>Canvas (a weight or bias chosen)</source>
        <translation>Plátno (vybraná váha nebo práh)</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="71"/>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="74"/>
        <source>Action</source>
        <translation>Akce</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="74"/>
        <source>Keys</source>
        <translation>Klávesy</translation>
    </message>
</context>
<context>
    <name>trace</name>
    <message>
        <location filename="../../core/trace.py" line="78"/>
        <source>a trace is for one sample; got several</source>
        <translation>rozpis je pro jeden vzorek; zadáno několik</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <location filename="../../core/training.py" line="42"/>
        <source>a parameter became non-finite</source>
        <translation>některý parametr přestal být konečný</translation>
    </message>
    <message>
        <location filename="../../core/training.py" line="47"/>
        <source>the loss is {0}</source>
        <translation>ztráta je {0}</translation>
    </message>
    <message>
        <location filename="../../core/training.py" line="58"/>
        <source>training diverged at epoch {0}, update {1}: {2}; {3}; the last finite parameters were kept (try a smaller learning rate)</source>
        <translation>trénování divergovalo v epoše {0}, aktualizaci {1}: {2}; {3}; zůstaly poslední konečné parametry (zkuste menší rychlost učení)</translation>
    </message>
    <message>
        <location filename="../../core/training.py" line="238"/>
        <source>batch must be &apos;full&apos;, &apos;sample&apos; or a size &gt;= 1; got {0}</source>
        <extracomment>changes other than appending a point (a truncation, a thinning): a reader that converted the points before may add only the new ones while this is unchanged changes other than appending a snapshot (a replaced last value, a truncation, a thinning), as History.edits</extracomment>
        <translation>dávka musí být &apos;full&apos;, &apos;sample&apos; nebo velikost &gt;= 1; zadáno {0}</translation>
    </message>
    <message>
        <location filename="../../core/training.py" line="253"/>
        <source>order must list the samples 0..{0} once each</source>
        <translation>pořadí musí uvádět vzorky 0..{0} každý jednou</translation>
    </message>
    <message>
        <location filename="../../core/training.py" line="538"/>
        <source>run needs a stop rule: max_epochs, loss_threshold or seconds</source>
        <translation>běh potřebuje pravidlo zastavení: max_epochs, loss_threshold nebo seconds</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="76"/>
        <source>per sample</source>
        <extracomment>(text, value) of each choice; the value is what the setting holds</extracomment>
        <translation>po vzorcích</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="77"/>
        <source>full batch</source>
        <translation>celá dávka</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="78"/>
        <location filename="../../gui/commands.py" line="79"/>
        <location filename="../../gui/commands.py" line="104"/>
        <source>mini-batch {0}</source>
        <translation>minidávka {0}</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="81"/>
        <source>binary cross-entropy</source>
        <translation>binární křížová entropie</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="82"/>
        <source>categorical cross-entropy</source>
        <translation>kategorická křížová entropie</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="84"/>
        <source>momentum</source>
        <translation>moment</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="40"/>
        <source>Learning rate α (positive); press Enter. Training is not reset.</source>
        <translation>Rychlost učení α (kladná); stiskněte Enter. Trénování se neobnoví.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="43"/>
        <source>How many samples each update uses</source>
        <translation>Kolik vzorků používá každá aktualizace</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="45"/>
        <source>½Σ(ŷ−y)² (the notes&apos; E), Σ(ŷ−y)² (with mean: note 003&apos;s MSE), or a cross-entropy</source>
        <translation>½Σ(ŷ−y)² (E z poznámek), Σ(ŷ−y)² (s průměrem: MSE z poznámky 003), nebo křížová entropie</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="83"/>
        <source>mean</source>
        <translation>průměr</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="83"/>
        <source>sum</source>
        <translation>součet</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="47"/>
        <source>Over the samples of a batch: the mean or the sum</source>
        <translation>Přes vzorky dávky: průměr, nebo součet</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="49"/>
        <source>How each update uses the gradient</source>
        <translation>Jak každá aktualizace používá gradient</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="50"/>
        <source>How fast Play trains (saved with the project)</source>
        <translation>Jak rychle trénuje Spustit (ukládá se s projektem)</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="101"/>
        <location filename="../../gui/panels/training.py" line="61"/>
        <location filename="../../gui/panels/training.py" line="65"/>
        <source>none</source>
        <translation>žádné</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="62"/>
        <source>Stop after this many epochs (empty: never)</source>
        <translation>Zastavit po tolika epochách (prázdné: nikdy)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="66"/>
        <source>Stop when the loss is at most this (e.g. 1e-6)</source>
        <translation>Zastavit, když ztráta klesne nejvýše na tuto hodnotu (např. 1e-6)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="70"/>
        <source>L1 regularisation λ₁ (0: off): adds λ₁·Σ|w| over the weights; drives unneeded weights to exactly 0, drawn as dashed links. Press Enter; training is not reset.</source>
        <translation>Regularizace L1 λ₁ (0: vypnuto): přičte λ₁·Σ|w| přes váhy; nepotřebné váhy stlačí přesně na 0 a ty se kreslí čárkovaně. Stiskněte Enter; trénování se neobnoví.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training.py" line="74"/>
        <source>L2 regularisation λ₂ (0: off): adds (λ₂/2)·Σw² over the weights. Press Enter; training is not reset.</source>
        <translation>Regularizace L2 λ₂ (0: vypnuto): přičte (λ₂/2)·Σw² přes váhy. Stiskněte Enter; trénování se neobnoví.</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="62"/>
        <source>learning rate</source>
        <extracomment>each setting as the Training panel labels it (and Edit → Undo names its change)</extracomment>
        <translation>rychlost učení</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="63"/>
        <source>batch</source>
        <translation>dávka</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="64"/>
        <source>loss</source>
        <translation>ztráta</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="65"/>
        <source>reduction</source>
        <translation>redukce</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="66"/>
        <source>optimizer</source>
        <translation>optimalizátor</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="67"/>
        <source>L1 penalty λ₁</source>
        <translation>penalizace L1 λ₁</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="68"/>
        <source>L2 penalty λ₂</source>
        <translation>penalizace L2 λ₂</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="69"/>
        <source>speed</source>
        <translation>rychlost</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="70"/>
        <source>max epochs</source>
        <translation>max. epoch</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="71"/>
        <source>stop at loss ≤</source>
        <translation>cílová ztráta ≤</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../gui/canvas/view.py" line="200"/>
        <source>  (frozen)</source>
        <translation>  (zmrazeno)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="202"/>
        <source>  (dead: L1 holds it at 0)</source>
        <translation>  (mrtvá: L1 ji drží na 0)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="277"/>
        <source>{0}, no bias</source>
        <translation>{0}, bez prahů</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="292"/>
        <source>inputs {0}</source>
        <translation>vstupy {0}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="294"/>
        <source>output</source>
        <translation>výstupní</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="294"/>
        <source>hidden</source>
        <translation>skrytá</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="296"/>
        <source>Network {0}</source>
        <translation>Síť {0}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="301"/>
        <source>. Click an edge to select it, double-click to type its value, wheel to nudge it; right-click a neuron for the layer menu.</source>
        <translation>. Klepnutím na hranu ji vyberete, dvojklikem zadáte její hodnotu, kolečkem ji posunete; pravým tlačítkem na neuron otevřete nabídku vrstvy.</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="718"/>
        <source>Type a value and press Enter (Esc cancels)</source>
        <translation>Zadejte hodnotu a stiskněte Enter (Esc zruší)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="899"/>
        <source>Unfreeze (train it)</source>
        <translation>Uvolnit (trénovat)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="900"/>
        <source>Freeze (do not train)</source>
        <translation>Zmrazit (netrénovat)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="902"/>
        <source>Type a value…</source>
        <translation>Zadat hodnotu…</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="911"/>
        <source>Add a neuron to this layer</source>
        <translation>Přidat neuron do této vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="912"/>
        <source>Remove this neuron</source>
        <translation>Odebrat tento neuron</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="913"/>
        <source>Remove this layer</source>
        <translation>Odebrat tuto vrstvu</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="915"/>
        <source>Insert a hidden layer after this one</source>
        <translation>Vložit skrytou vrstvu za tuto</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="918"/>
        <source>Activation</source>
        <translation>Aktivace</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="924"/>
        <source>Remove biases</source>
        <translation>Odebrat prahy</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="924"/>
        <source>Add biases</source>
        <translation>Přidat prahy</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="927"/>
        <source>Inputs</source>
        <translation>Vstupy</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/view.py" line="935"/>
        <source>Inputs and outputs follow the data</source>
        <translation>Vstupy a výstupy se řídí daty</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <location filename="../../gui/plots/views.py" line="173"/>
        <location filename="../../gui/plots/views.py" line="1277"/>
        <source>epoch</source>
        <translation>epocha</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="174"/>
        <source>loss E</source>
        <translation>ztráta E</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="183"/>
        <source>train</source>
        <translation>trénovací</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="187"/>
        <source>test</source>
        <translation>testovací</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="194"/>
        <source>log scale</source>
        <translation>logaritmická osa</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="195"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation>Ukázat ztrátu na logaritmické ose</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="276"/>
        <source>epoch {0}: E = {1:.6g}</source>
        <extracomment>plots shorter than this many lines of text put the legend&apos;s entries side by side (one under the other they covered the curves and ran into the axis)</extracomment>
        <translation>epocha {0}: E = {1:.6g}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="309"/>
        <source> — {0:,} of {1:,} samples shown</source>
        <translation> — zobrazeno {0:,} z {1:,} vzorků</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="401"/>
        <source>neuron lines</source>
        <extracomment>the farthest the data&apos;s plane reaches: data near the float limit (an input of 1e308 in a file) gave a plane whose width, and every grid step across it, overflowed</extracomment>
        <translation>přímky neuronů</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="402"/>
        <source>Each first-layer hidden neuron&apos;s line w·x + b = 0 (arrow: positive side); drag a line or its handles to set the weights</source>
        <translation>Přímka w·x + b = 0 každého skrytého neuronu první vrstvy (šipka: kladná strana); tažením přímky nebo jejích úchytů nastavíte váhy</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="458"/>
        <source>Fit to data</source>
        <translation>Na data</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="459"/>
        <source>Show the map over the data&apos;s range again (wheel zooms the map, dragging it pans)</source>
        <translation>Znovu ukázat mapu přes rozsah dat (kolečko mapu přibližuje, tažení ji posouvá)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="473"/>
        <source>hidden parts</source>
        <translation>skryté části</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="474"/>
        <source>Each last-hidden-layer neuron&apos;s part w·h(x) of the output&apos;s weighted sum (they and the bias add up to it: ŷ itself for a linear output)</source>
        <translation>Podíl w·h(x) každého neuronu poslední skryté vrstvy na vážené sumě výstupu (spolu s prahem ji dávají: u lineárního výstupu přímo ŷ)</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="478"/>
        <source>ŷ against y</source>
        <translation>ŷ proti y</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="479"/>
        <source>Show predictions against targets instead of the curve</source>
        <translation>Ukázat předpovědi proti cílům místo křivky</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="485"/>
        <source>The input on the map&apos;s horizontal axis</source>
        <translation>Vstup na vodorovné ose mapy</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="486"/>
        <source>The input on the map&apos;s vertical axis</source>
        <translation>Vstup na svislé ose mapy</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="492"/>
        <source>axes:</source>
        <translation>osy:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="557"/>
        <source>ŷ(x) over the data{0}</source>
        <translation>ŷ(x) nad daty{0}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="660"/>
        <source>Hold x{0} at this value in the map&apos;s slice</source>
        <translation>Držet x{0} v řezu mapy na této hodnotě</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="853"/>
        <source>Decision regions</source>
        <translation>Rozhodovací oblasti</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="855"/>
        <source>Output map</source>
        <translation>Mapa výstupu</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="857"/>
        <source>Output curve</source>
        <translation>Křivka výstupu</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="858"/>
        <source>Predictions</source>
        <translation>Předpovědi</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="892"/>
        <source>target y</source>
        <translation>cíl y</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="893"/>
        <source>prediction ŷ</source>
        <translation>předpověď ŷ</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="894"/>
        <source>predictions against targets{0}</source>
        <translation>předpovědi proti cílům{0}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="912"/>
        <source>ŷ: blue low, orange high{0}</source>
        <translation>ŷ: modrá nízko, oranžová vysoko{0}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="994"/>
        <source>Which hidden layer to show</source>
        <translation>Kterou skrytou vrstvu ukázat</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="995"/>
        <source>Neuron on the horizontal axis</source>
        <translation>Neuron na vodorovné ose</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="996"/>
        <source>Neuron on the vertical axis</source>
        <translation>Neuron na svislé ose</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="998"/>
        <source>layer</source>
        <translation>vrstva</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="999"/>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1000"/>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1015"/>
        <source>warped grid</source>
        <translation>zakřivená mřížka</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1016"/>
        <source>The input plane&apos;s grid lines carried through the network to this layer: how it bends the plane</source>
        <translation>Čáry mřížky vstupní roviny přenesené sítí do této vrstvy: jak síť rovinu ohýbá</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1022"/>
        <source>Morph from the layer&apos;s input (0) through W·x (1) and + b (2) to the activation (3); needs a 2-D input to the layer</source>
        <translation>Přechod od vstupu vrstvy (0) přes W·x (1) a + b (2) k aktivaci (3); vyžaduje dvourozměrný vstup vrstvy</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1148"/>
        <source>hidden layer {0} ({1}{2})</source>
        <translation>skrytá vrstva {0} ({1}{2})</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1174"/>
        <source>no hidden layer</source>
        <translation>žádná skrytá vrstva</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1266"/>
        <source>input</source>
        <translation>vstup</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1278"/>
        <source>value</source>
        <translation>hodnota</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1343"/>
        <source>{0} = {1:.6g} at epoch {2}</source>
        <translation>{0} = {1:.6g} v epoše {2}</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1485"/>
        <source>neuron maps need a hidden layer</source>
        <translation>mapy neuronů potřebují skrytou vrstvu</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1530"/>
        <source>{0} ({1}) over x</source>
        <translation>{0} ({1}) v závislosti na x</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1541"/>
        <source>{0} ({1}) over the input plane</source>
        <translation>{0} ({1}) nad vstupní rovinou</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1543"/>
        <source>{0} ({1}) over (x{2}, x{3}), others held</source>
        <translation>{0} ({1}) nad (x{2}, x{3}), ostatní pevně</translation>
    </message>
    <message>
        <location filename="../../gui/plots/views.py" line="1545"/>
        <source>Hover a small map above to show it here</source>
        <translation>Najeďte na malou mapu nahoře a ukáže se zde</translation>
    </message>
</context>
</TS>
