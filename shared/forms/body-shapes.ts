/**
 * Where each body region is drawn, in the body-map field and in PDF reports alike: coarse shapes
 * on a 200×420 figure, front and back. The front figure faces the viewer (the person's right is on
 * the viewer's left); the back figure is seen from behind (the person's left is on the viewer's
 * left). Later shapes are drawn on top.
 */
export type Shape =
  | { readonly type: 'rect'; x: number; y: number; w: number; h: number; r?: number }
  | { readonly type: 'ellipse'; cx: number; cy: number; rx: number; ry: number };

const rect = (x: number, y: number, w: number, h: number, r = 8): Shape => ({
  type: 'rect',
  x,
  y,
  w,
  h,
  r,
});
const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({
  type: 'ellipse',
  cx,
  cy,
  rx,
  ry,
});

export const FIGURE_WIDTH = 200;
export const FIGURE_HEIGHT = 420;

/** Region id (as in shared/forms/body-map.ts) → its shape. */
export const BODY_SHAPES: Readonly<Record<string, Shape>> = {
  'front.head': ellipse(100, 36, 27, 32),
  'front.face': ellipse(100, 46, 17, 19),
  'front.neck': rect(88, 68, 24, 18, 4),
  'front.chest': rect(62, 86, 76, 62, 12),
  'front.abdomen': rect(66, 148, 68, 50, 6),
  'front.pelvis': rect(64, 198, 72, 36, 10),
  'front.arm_right_upper': rect(36, 90, 24, 66, 10),
  'front.arm_right_lower': rect(30, 158, 24, 62, 10),
  'front.hand_right': ellipse(41, 234, 13, 15),
  'front.arm_left_upper': rect(140, 90, 24, 66, 10),
  'front.arm_left_lower': rect(146, 158, 24, 62, 10),
  'front.hand_left': ellipse(159, 234, 13, 15),
  'front.thigh_right': rect(66, 236, 32, 74, 10),
  'front.knee_shin_right': rect(68, 312, 28, 76, 10),
  'front.foot_right': ellipse(80, 400, 17, 10),
  'front.thigh_left': rect(102, 236, 32, 74, 10),
  'front.knee_shin_left': rect(104, 312, 28, 76, 10),
  'front.foot_left': ellipse(120, 400, 17, 10),
  'back.head': ellipse(100, 40, 27, 34),
  'back.neck': rect(88, 70, 24, 16, 4),
  'back.upper_back': rect(62, 86, 76, 72, 12),
  'back.lower_back': rect(66, 158, 68, 42, 6),
  'back.buttocks': rect(64, 200, 72, 38, 12),
  'back.arm_left': rect(32, 90, 26, 146, 12),
  'back.arm_right': rect(142, 90, 26, 146, 12),
  'back.leg_left': rect(66, 240, 32, 146, 12),
  'back.leg_right': rect(102, 240, 32, 146, 12),
  'back.sole_left': ellipse(82, 400, 16, 10),
  'back.sole_right': ellipse(118, 400, 16, 10),
};
