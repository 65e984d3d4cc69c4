/// Something drawn into a rectangle of a grid, as ratatui's `Widget::render(area, buf)`:
/// it holds what it shows and how it looks, and draws nothing outside `area`.
public protocol Widget {
    func render(in area: Rect, into grid: inout Grid)
}
