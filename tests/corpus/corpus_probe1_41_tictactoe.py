WIN_LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]

def render(board):
    rows = []
    for r in range(3):
        rows.append(" | ".join(board[r * 3:(r + 1) * 3]))
    return "\n---------\n".join(rows)

def winner(board):
    for a, b, c in WIN_LINES:
        if board[a] != " " and board[a] == board[b] == board[c]:
            return board[a]
    return "draw" if " " not in board else None

def minimax(board, player, memo={}):
    key = ("".join(board), player)
    if key in memo:
        return memo[key]
    w = winner(board)
    if w == "X":
        return (1, None)
    if w == "O":
        return (-1, None)
    if w == "draw":
        return (0, None)
    best = None
    for i in range(9):
        if board[i] == " ":
            board[i] = player
            score, _ = minimax(board, "O" if player == "X" else "X")
            board[i] = " "
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    memo[key] = best
    return best

board = [" "] * 9
moves_o = iter([4, 0, 6, 5, 7])
player = "X"
while winner(board) is None:
    if player == "X":
        _, move = minimax(board, "X")
    else:
        move = next(m for m in moves_o if board[m] == " ")
    board[move] = player
    print(f"{player} plays {move}")
    player = "O" if player == "X" else "X"
print(render(board))
print("Result:", winner(board))
print("memo size:", len(minimax.__defaults__[0]))
