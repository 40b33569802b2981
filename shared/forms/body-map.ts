/**
 * The regions of the body diagram (front and back figures). Region ids are stored in answers;
 * the renderer draws each as an SVG shape. Coarse on purpose: interviewers are not clinicians.
 */
import type { LocalText } from './template';

export type BodySide = 'front' | 'back';

export interface BodyRegion {
  readonly id: string;
  readonly side: BodySide;
  readonly label: LocalText;
}

const region = (side: BodySide, part: string, uk: string, en: string): BodyRegion => ({
  id: `${side}.${part}`,
  side,
  label: { uk, en },
});

export const BODY_REGIONS: readonly BodyRegion[] = [
  region('front', 'head', 'голова (спереду)', 'head (front)'),
  region('front', 'face', 'обличчя', 'face'),
  region('front', 'neck', 'шия (спереду)', 'neck (front)'),
  region('front', 'chest', 'груди', 'chest'),
  region('front', 'abdomen', 'живіт', 'abdomen'),
  region('front', 'pelvis', 'таз, пах', 'pelvis, groin'),
  region('front', 'arm_right_upper', 'праве плече', 'right upper arm'),
  region('front', 'arm_right_lower', 'праве передпліччя', 'right forearm'),
  region('front', 'hand_right', 'права кисть', 'right hand'),
  region('front', 'arm_left_upper', 'ліве плече', 'left upper arm'),
  region('front', 'arm_left_lower', 'ліве передпліччя', 'left forearm'),
  region('front', 'hand_left', 'ліва кисть', 'left hand'),
  region('front', 'thigh_right', 'праве стегно', 'right thigh'),
  region('front', 'knee_shin_right', 'праве коліно й гомілка', 'right knee and shin'),
  region('front', 'foot_right', 'права стопа', 'right foot'),
  region('front', 'thigh_left', 'ліве стегно', 'left thigh'),
  region('front', 'knee_shin_left', 'ліве коліно й гомілка', 'left knee and shin'),
  region('front', 'foot_left', 'ліва стопа', 'left foot'),
  region('back', 'head', 'голова (ззаду)', 'head (back)'),
  region('back', 'neck', 'шия (ззаду)', 'neck (back)'),
  region('back', 'upper_back', 'верхня частина спини', 'upper back'),
  region('back', 'lower_back', 'поперек', 'lower back'),
  region('back', 'buttocks', 'сідниці', 'buttocks'),
  region('back', 'arm_left', 'ліва рука (ззаду)', 'left arm (back)'),
  region('back', 'arm_right', 'права рука (ззаду)', 'right arm (back)'),
  region('back', 'leg_left', 'ліва нога (ззаду)', 'left leg (back)'),
  region('back', 'leg_right', 'права нога (ззаду)', 'right leg (back)'),
  region('back', 'sole_left', 'ліва підошва', 'left sole'),
  region('back', 'sole_right', 'права підошва', 'right sole'),
];

const IDS = new Set(BODY_REGIONS.map((r) => r.id));

export function isBodyRegion(id: string): boolean {
  return IDS.has(id);
}
