/**
 * VERIFY.txt: how a recipient checks a bundle with standard tools only (age, tar, sha256sum,
 * minisign), in Ukrainian and in English, because the recipient may never install Svidok. It
 * is a tag file, so the tag manifest and the signature cover it too.
 */
export interface VerifyTextInput {
  readonly bundleId: string;
  /** The device key as minisign prints its id, and the key line `minisign -P` takes. */
  readonly keyId: string;
  readonly publicKeyBase64: string;
}

export function verifyText({ bundleId, keyId, publicKeyBase64 }: VerifyTextInput): string {
  const file = `${bundleId}.svidok.age`;
  const commands = [
    `age -d -i key.txt ${file} > bundle.tar`,
    'tar -xf bundle.tar',
    `cd ${bundleId}`,
    'sha256sum -c manifest-sha256.txt',
    'sha256sum -c tagmanifest-sha256.txt',
    `minisign -Vm tagmanifest-sha256.txt -x tagmanifest-sha256.txt.minisig -P ${publicKeyBase64}`,
  ]
    .map((line) => `    ${line}\n`)
    .join('');
  return `Svidok: ${bundleId}
Ключ пристрою / device key: ${keyId}
    ${publicKeyBase64}

=== УКРАЇНСЬКОЮ ===

Цей пакет можна перевірити стандартними програмами, без Svidok: age, tar, sha256sum (GNU
coreutils) і minisign. key.txt — ваш секретний ключ age (AGE-SECRET-KEY-1…).

${commands}
1. age розшифровує пакет лише вашим ключем; пошкоджений або змінений файл не розшифрується.
2. "sha256sum -c manifest-sha256.txt" перевіряє кожен файл у data/ (кожен рядок має бути OK).
3. "sha256sum -c tagmanifest-sha256.txt" перевіряє bagit.txt, bag-info.txt, обидва маніфести
   і цей файл VERIFY.txt.
4. minisign перевіряє підпис ключем пристрою інтерв'юера і показує довірений коментар
   ("svidok bundle ${bundleId} time … key ${keyId}").
   ВАЖЛИВО: ключ у цьому файлі та в data/device-key.pub прийшов разом із пакетом. Порівняйте
   ідентифікатор ключа (${keyId}) з тим, який організація-відправник повідомила вам окремо
   (телефоном, особисто) — лише тоді підпис щось доводить.

Файли: data/testimonies/<код запису>/testimony.json (свідчення, разом з описом форми і
словниками), testimony.pdf (звіт для читання), attachments/ (оригінальні файли, байт у байт;
їхні SHA-256 збігаються з хешами, записаними при додаванні). data/custody.jsonl — журнал
ланцюга зберігання: один рядок JSON на запис; "hash" — SHA-256 канонічного JSON запису без
полів hash і sig, "sig" — підпис Ed25519 ключем пристрою, "prev" кожного рядка дорівнює "hash"
попереднього. Рядок {"omitted":[перший,останній],"prev":…,"hash":…} замінює записи про інші
свідчення, яких немає в цьому пакеті: ланцюг перевіряється, їхній вміст не розкривається.
Сам запис про експорт (bundle.exported, з SHA-256 файлу ${file}) не може бути в пакеті, який
він описує: відправник записує його після запечатування; попросіть його, щоб звірити хеш.

=== ENGLISH ===

This bundle can be checked with standard tools, without Svidok: age, tar, sha256sum (GNU
coreutils) and minisign. key.txt is your age secret key (AGE-SECRET-KEY-1…).

${commands}
1. age decrypts the bundle with your key only; a damaged or altered file does not decrypt.
2. "sha256sum -c manifest-sha256.txt" checks every file under data/ (every line must say OK).
3. "sha256sum -c tagmanifest-sha256.txt" checks bagit.txt, bag-info.txt, both manifests and
   this file, VERIFY.txt.
4. minisign checks the signature made with the interviewer's device key and prints the trusted
   comment ("svidok bundle ${bundleId} time … key ${keyId}").
   IMPORTANT: the key in this file and in data/device-key.pub came with the bundle. Compare the
   key id (${keyId}) with the one the sending organisation gave you separately (by phone, in
   person): only then does the signature prove anything.

Files: data/testimonies/<record code>/testimony.json (the testimony, with its form definition
and vocabularies), testimony.pdf (a report to read), attachments/ (the original files, byte for
byte; their SHA-256 equal the hashes recorded at intake). data/custody.jsonl is the chain of
custody: one JSON line per entry; "hash" is the SHA-256 of the entry's canonical JSON without
hash and sig, "sig" its Ed25519 signature by the device key, and each line's "prev" equals the
previous line's "hash". A line {"omitted":[first,last],"prev":…,"hash":…} stands for entries
about other testimonies, not in this bundle: the chain still checks, their content stays hidden.
The export's own entry (bundle.exported, with the SHA-256 of ${file}) cannot be inside the
bundle it describes: the sender records it after sealing; ask for it to compare the hash.
`;
}
