// react-admin's themes with colours dark enough for text on them (WCAG AA, 4.5:1): the app bar's
// and links' blue, and the red of delete buttons on the form toolbar.
import { deepmerge } from '@mui/utils'
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin'

/** Blue 800: 5.7:1 against white text, 5.5:1 as text on the page background. */
const BLUE = '#1565c0'

/** Below MUI's `sm` breakpoint (600 px) a dialog fills the phone's screen instead of floating in it. */
const PHONE = '@media (max-width: 599.95px)'
const phoneDialogs = {
  components: {
    MuiDialog: {
      styleOverrides: {
        paper: {
          [PHONE]: { margin: 0, width: '100%', maxWidth: '100%', height: '100%', maxHeight: '100%', borderRadius: 0 },
        },
      },
    },
  },
}

export const lightTheme: RaThemeOptions = deepmerge(deepmerge(defaultLightTheme, phoneDialogs), {
  palette: {
    primary: { main: BLUE },
    secondary: { light: '#5e92f3', main: BLUE, dark: '#003c8f', contrastText: '#fff' },
    // Red 900: 5:1 on the grey form toolbar (MUI's #d32f2f is 3.8:1).
    error: { main: '#b71c1c' },
  },
})

export const darkTheme: RaThemeOptions = deepmerge(deepmerge(defaultDarkTheme, phoneDialogs), {
  // A light red: 5.2:1 on the dark toolbar (MUI's #f44336 is 3.5:1 on the page).
  palette: { error: { main: '#f6a5a0' } },
})
