/**
 * The tag manifest's minisign signature and the key it is checked with. The tag manifest covers
 * bagit.txt, bag-info.txt, both payload manifests and VERIFY.txt, and the manifests cover every
 * payload file, so this one signature vouches for the whole bag.
 *
 * Which key: the one the recipient pinned (--pubkey, received out of band) when given, and then
 * the bundle's own data/device-key.pub must be that same key; otherwise the embedded key, which
 * proves the bag is intact but not who made it, and the report says so.
 */
import { MAX_SIGNATURE_FILE_BYTES, verifyPrehashed } from '../bundles';
import type { BagView, MinisignFailure } from '../bundles';
import { type DeviceKey, MAX_PUBLIC_KEY_TEXT, parseDeviceKey, sameKey } from './device-key';
import { readSmallBytes, readSmallText } from './lines';
import type { Checks } from './report';

export const DEVICE_KEY_FILE = 'data/device-key.pub';
const TAG_MANIFEST = 'tagmanifest-sha256.txt';
const SIGNATURE_FILE = `${TAG_MANIFEST}.minisig`;
/** A tag manifest lists a handful of tag files; readBag has already bounded and checked it. */
const MAX_TAG_MANIFEST_BYTES = 1024 * 1024;
/** The exporter's trusted comment; the time is not checked, only shown. */
const TRUSTED_COMMENT = /^svidok bundle (\S+) time (\S+) key ([0-9A-F]{16})$/u;

const WHY: Record<MinisignFailure, string> = {
  malformed: 'the signature file is malformed',
  key_id: 'signed by another key (key id differs)',
  algorithm: 'not a prehashed (ED) minisign signature',
  signature: `the signature does not match ${TAG_MANIFEST}`,
  global_signature: 'the trusted comment was altered (global signature fails)',
};

/**
 * Adds the 'device-key' and 'signature' checks. Returns the key custody entries must be signed
 * with (the pinned key, else the embedded one), or null when there is none.
 */
export async function checkSignature(
  view: BagView,
  bundleId: string,
  pinned: DeviceKey | undefined,
  checks: Checks,
): Promise<DeviceKey | null> {
  const embeddedText = await readSmallText(view, DEVICE_KEY_FILE, MAX_PUBLIC_KEY_TEXT);
  const embedded = embeddedText === null ? null : parseDeviceKey(embeddedText);
  if (!embedded) {
    checks.add('device-key', false, `${DEVICE_KEY_FILE}: missing or not a minisign public key`);
  } else if (pinned && !sameKey(pinned, embedded)) {
    checks.add(
      'device-key',
      false,
      `${DEVICE_KEY_FILE}: key ${embedded.keyId} is not the pinned key ${pinned.keyId}`,
    );
  } else if (pinned) {
    checks.add('device-key', true, `${DEVICE_KEY_FILE}: the pinned key ${pinned.keyId}`);
  } else {
    checks.add(
      'device-key',
      true,
      `${DEVICE_KEY_FILE}: key ${embedded.keyId}, NOT PINNED: taken from the bundle itself and ` +
        'not compared with a key received out of band (give --pubkey)',
    );
  }

  const key = pinned ?? embedded;
  if (!key) {
    checks.add('signature', false, `${SIGNATURE_FILE}: no key to check it with`);
    return null;
  }
  const signature = await readSmallText(view, SIGNATURE_FILE, MAX_SIGNATURE_FILE_BYTES);
  if (signature === null) {
    checks.add('signature', false, `${SIGNATURE_FILE}: missing, unreadable or too large`);
    return key;
  }
  const manifest = await readSmallBytes(view, TAG_MANIFEST, MAX_TAG_MANIFEST_BYTES);
  if (manifest === null) {
    checks.add('signature', false, `${TAG_MANIFEST}: missing, unreadable or too large`);
    return key;
  }
  const verdict = await verifyPrehashed(key.base64, signature, [manifest]);
  if (!verdict.ok) {
    checks.add('signature', false, `${SIGNATURE_FILE}: ${verdict.reason} (${WHY[verdict.reason]})`);
    return key;
  }
  const comment = TRUSTED_COMMENT.exec(verdict.trustedComment);
  const shown = JSON.stringify(verdict.trustedComment.slice(0, 200));
  if (!comment) {
    checks.add('signature', false, `${SIGNATURE_FILE}: unexpected trusted comment ${shown}`);
  } else if (comment[1] !== bundleId) {
    checks.add(
      'signature',
      false,
      `${SIGNATURE_FILE}: the trusted comment names ${shown}, not this bundle ${bundleId}`,
    );
  } else if (comment[3] !== verdict.keyId) {
    checks.add('signature', false, `${SIGNATURE_FILE}: the trusted comment names another key`);
  } else {
    const whose = pinned ? 'the pinned key' : 'the key inside the bundle (not pinned)';
    checks.add(
      'signature',
      true,
      `${SIGNATURE_FILE}: good signature by ${whose} ${verdict.keyId}, ${bundleId}, ` +
        `signed ${comment[2] ?? '?'}`,
    );
  }
  return key;
}
