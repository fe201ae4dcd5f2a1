"""Replays a Breakout trace written by `lrlab trace breakout` against the rules in
shared/reference/breakout.md, implemented here again from the text, independently of lrlab's Java.

Usage: python3 check_breakout_trace.py TRACE.jsonl   (exit 0 and a count when every step agrees)
Only the default board (10x10, three brick rows, minimal action set) is supported.
"""
import json
import sys

MOVE = {0: 0, 1: -1, 2: 1}                 # minimal action set: no-op, left, right
DX, DY = [-1, 1, 1, -1], [-1, -1, 1, 1]    # directions: up-left, up-right, down-right, down-left
FLIP_H, FLIP_V, REVERSE = [1, 0, 3, 2], [3, 2, 1, 0], [2, 3, 0, 1]
WALL = {(r, c) for r in (1, 2, 3) for c in range(10)}


def observed(o):
    return (o["paddle"][0][1], tuple(o["ball"][0]), tuple(o["trail"][0]), {tuple(b) for b in o["brick"]})


def main(path):
    prev = direction = None
    strike = False
    checked = 0
    for number, line in enumerate(open(path), 1):
        d = json.loads(line)
        paddle_seen, ball_seen, trail_seen, bricks_seen = observed(d["observation"])
        if d.get("reset"):
            assert paddle_seen == 4 and ball_seen[0] == 3 and trail_seen == ball_seen and bricks_seen == WALL, number
            direction = 2 if ball_seen[1] == 0 else 3
            strike = False
            prev = (paddle_seen, ball_seen, bricks_seen)
            continue
        paddle, (by, bx), bricks = prev[0], prev[1], set(prev[2])
        paddle = max(0, min(9, paddle + MOVE[d["executed"]]))
        nx, ny = bx + DX[direction], by + DY[direction]
        reward, struck, terminated = 0, False, False
        if nx < 0 or nx > 9:
            nx = 0 if nx < 0 else 9
            direction = FLIP_H[direction]
        if ny < 0:
            ny = 0
            direction = FLIP_V[direction]
        elif (ny, nx) in bricks:
            struck = True
            if not strike:
                reward, strike = 1, True
                bricks.discard((ny, nx))
                ny = by
                direction = FLIP_V[direction]
        elif ny == 9:
            if not bricks:
                bricks = set(WALL)
            if bx == paddle:
                direction, ny = FLIP_V[direction], by
            elif nx == paddle:
                direction, ny = REVERSE[direction], by
            else:
                terminated = True
        if not struck:
            strike = False
        expected = (paddle, (ny, nx), (by, bx), bricks)
        got = (paddle_seen, ball_seen, trail_seen, bricks_seen)
        if expected != got or d["reward"] != reward or d["terminated"] != terminated:
            print(f"line {number}: expected {expected[:3]} reward {reward} terminated {terminated}, "
                  f"trace has {got[:3]} reward {d['reward']} terminated {d['terminated']}")
            return 1
        prev = (paddle_seen, ball_seen, bricks_seen)
        checked += 1
    print(f"{checked} steps agree with the reference rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
